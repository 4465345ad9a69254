package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;

import java.util.Map;
import java.util.TreeMap;

/**
 * A scheduler run as JSON: the summary the invocation returns, and one CloudWatch Embedded Metric Format line, from
 * which CloudWatch takes the metrics {@value #OVERDUE_METRIC}, {@value #OLDEST_DUE_AGE_METRIC} and
 * {@value #APPLIED_METRIC} without an API call (the overdue alarm watches the oldest due age).
 */
public final class DueRunJson {

    public static final String RECORD_TYPE = "jml.scheduler";
    public static final String OVERDUE_METRIC = "OverdueChanges";
    public static final String OLDEST_DUE_AGE_METRIC = "OldestDueChangeAgeSeconds";
    public static final String APPLIED_METRIC = "DueChangesProcessed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DueRunJson() {
    }

    /** The run in one line: outcomes by name, overdue count, oldest due change. */
    public static String summary(ScheduledChanges.DueRun run) {
        return write(body(run));
    }

    /** The summary with the EMF envelope (_aws), in the namespace given (the CDK app's JmlIdentity/stack). */
    public static String metricsLine(ScheduledChanges.DueRun run, String namespace) {
        ObjectNode line = body(run);
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", run.now().toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        directive.putArray("Dimensions").addArray();
        ArrayNode metrics = directive.putArray("Metrics");
        metrics.addObject().put("Name", OVERDUE_METRIC).put("Unit", "Count");
        metrics.addObject().put("Name", OLDEST_DUE_AGE_METRIC).put("Unit", "Seconds");
        metrics.addObject().put("Name", APPLIED_METRIC).put("Unit", "Count");
        return write(line);
    }

    private static ObjectNode body(ScheduledChanges.DueRun run) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (HrEventResult result : run.results()) {
            outcomes.merge(result.outcome().name(), 1, Integer::sum);
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("recordType", RECORD_TYPE);
        n.put("time", run.now().toString());
        n.put(APPLIED_METRIC, run.results().size());
        ObjectNode byOutcome = n.putObject("outcomes");
        outcomes.forEach(byOutcome::put);
        n.put("unfinished", run.unfinished());
        n.put(OVERDUE_METRIC, run.overdue());
        n.put(OLDEST_DUE_AGE_METRIC, run.oldestDueAgeSeconds());
        n.put("oldestDueAt", run.oldestDueAt() == null ? null : run.oldestDueAt().toString());
        return n;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scheduler summary is always serialisable", e);
        }
    }
}
