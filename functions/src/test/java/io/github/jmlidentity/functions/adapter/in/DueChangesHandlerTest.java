package io.github.jmlidentity.functions.adapter.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's handler: one run per invocation, and one Embedded Metric Format line the overdue alarm reads. */
class DueChangesHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_run_logs_the_overdue_metrics_in_embedded_metric_format_and_returns_its_summary() throws Exception {
        Instant now = Instant.parse("2026-07-01T09:30:00Z");
        ScheduledChanges scheduled = new ScheduledChanges() {
            @Override
            public DueRun runDue(Instant deadline, Consumer<HrEventResult> each) {
                return new DueRun(now, List.of(), false, 2, Instant.parse("2026-07-01T09:00:00Z"));
            }

            @Override
            public List<Pending> pending() {
                return List.of();
            }
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        new DueChangesHandler(scheduled, "JmlIdentity/JmlIdentity", new PrintStream(log, true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream("{\"detail-type\":\"Scheduled Event\"}"
                        .getBytes(StandardCharsets.UTF_8)), result, null);

        JsonNode line = JSON.readTree(log.toString(StandardCharsets.UTF_8));
        assertThat(line.path("OldestDueChangeAgeSeconds").asLong()).isEqualTo(1800);
        assertThat(line.path("OverdueChanges").asInt()).isEqualTo(2);
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("JmlIdentity/JmlIdentity");
        assertThat(directive.path("Metrics").findValuesAsText("Name"))
                .containsExactly("OverdueChanges", "OldestDueChangeAgeSeconds", "DueChangesProcessed");
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(now.toEpochMilli());
        assertThat(JSON.readTree(result.toString(StandardCharsets.UTF_8)).path("recordType").asText())
                .isEqualTo("jml.scheduler");
    }

    @Test
    void without_a_namespace_no_metric_line_is_logged() throws Exception {
        ScheduledChanges scheduled = new ScheduledChanges() {
            @Override
            public DueRun runDue(Instant deadline, Consumer<HrEventResult> each) {
                return new DueRun(Instant.EPOCH, List.of(), false, 0, null);
            }

            @Override
            public List<Pending> pending() {
                return List.of();
            }
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new DueChangesHandler(scheduled, null, new PrintStream(log, true, StandardCharsets.UTF_8))
                .handleRequest(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), null);
        assertThat(log.size()).isZero();
    }
}
