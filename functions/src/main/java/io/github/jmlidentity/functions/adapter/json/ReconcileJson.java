package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.contract.ReconcileFunction;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.domain.reconcile.ReconcileAction;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reconcile function's JSON: what triggered it (an S3 "Object Created" event from EventBridge, or a scheduled
 * rule's input {"roster": "s3://bucket/key"}), and its one summary line (plan counts, outcomes, conflicts, why
 * leavers were withheld) that the alarm and the saved query "last reconcile" read. Audit fields only: ids, names,
 * reasons; never the HR profile.
 */
public final class ReconcileJson {

    /** Conflicts and failures named in the summary; the rest are counted. */
    static final int LISTED = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReconcileJson() {
    }

    /** The roster location a trigger names, s3://bucket/key. */
    public static String rosterLocation(byte[] trigger) {
        JsonNode root;
        try {
            root = JSON.readTree(trigger);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the reconcile trigger is not JSON: " + EventParser.syntaxError(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the reconcile trigger cannot be read: " + e.getMessage(), e);
        }
        if (root != null && root.path(ReconcileFunction.ROSTER_FIELD).isTextual()) {
            return root.get(ReconcileFunction.ROSTER_FIELD).asText();
        }
        JsonNode detail = root == null ? JSON.missingNode() : root.path("detail");
        String bucket = detail.path("bucket").path("name").asText(null);
        String key = detail.path("object").path("key").asText(null);
        if (bucket == null || key == null) {
            throw new IllegalArgumentException("the reconcile trigger names no roster: expected an S3 Object Created"
                    + " event (detail.bucket.name, detail.object.key) or {\"" + ReconcileFunction.ROSTER_FIELD
                    + "\": \"s3://bucket/key\"}");
        }
        return "s3://" + bucket + "/" + key;
    }

    /** One JSON line. */
    public static String summary(ReconcileResult result) {
        ObjectNode n = JSON.createObjectNode();
        n.put("recordType", ReconcileFunction.SUMMARY_RECORD_TYPE);
        n.put("roster", result.roster());
        n.put("asOf", result.asOf() == null ? null : result.asOf().toString());
        n.put("applied", result.applied());
        n.put("refused", result.rosterRefused());
        ArrayNode problems = n.putArray("rosterProblems");
        result.rosterProblems().stream().limit(LISTED).forEach(p -> problems.add(p.toString()));
        ObjectNode counts = n.putObject("counts");
        result.counts().forEach((action, count) -> counts.put(action.name(), count));
        Map<String, Integer> outcomes = new TreeMap<>();
        result.lines().stream().filter(l -> l.outcome() != null)
                .forEach(l -> outcomes.merge(l.outcome().name(), 1, Integer::sum));
        ObjectNode outcomeNode = n.putObject("outcomes");
        outcomes.forEach(outcomeNode::put);
        n.put("conflicts", result.conflicts());
        n.put("failures", result.failures());
        n.put("withheld", result.withheld());
        n.put(ReconcileFunction.ALARM_FIELD, result.rosterRefused() || result.conflicts() > 0 || result.failures() > 0
                || result.withheld() != null);
        ArrayNode listed = n.putArray("conflictsAndFailures");
        result.lines().stream().filter(l -> l.item().action() == ReconcileAction.CONFLICT || l.failed())
                .limit(LISTED).forEach(l -> listed.addObject()
                        .put("action", l.item().action().name())
                        .put("employeeId", l.item().employeeId())
                        .put("userName", l.item().userName())
                        .put("userId", l.item().userId())
                        .put("reason", l.failed() ? l.error() : l.item().reason()));
        ObjectNode calls = n.putObject("directoryCalls");
        new TreeMap<>(result.directoryCalls()).forEach(calls::put);
        n.put("planMillis", result.planMillis());
        n.put("applyMillis", result.applyMillis());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reconcile summary is always serialisable", e);
        }
    }
}
