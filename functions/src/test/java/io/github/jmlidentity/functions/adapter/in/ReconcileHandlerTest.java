package io.github.jmlidentity.functions.adapter.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.functions.application.port.in.ReconcileRequest;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.domain.reconcile.AdoptionRule;
import io.github.jmlidentity.functions.domain.reconcile.PlanItem;
import io.github.jmlidentity.functions.domain.reconcile.ReconcileAction;
import io.github.jmlidentity.functions.wiring.ReconcileFunctions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reconcile function's entry point: which roster a trigger names, what it applies with, what it logs. */
class ReconcileHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<ReconcileRequest> requests = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    @Test
    void an_object_created_event_reconciles_that_object_with_the_deployed_settings_and_logs_one_summary() throws Exception {
        ReconcileHandler handler = handler(new ReconcileResult("s3://b/rosters/hr.csv", Instant.parse("2026-03-01T00:00:00Z"),
                List.of(), List.of(line(ReconcileAction.MOVE, "E1", null), line(ReconcileAction.CONFLICT, "E2",
                "user name 'x' belongs to another employee")), true, null, Map.of("ListUsers", 1L), 12));

        JsonNode summary = invoke(handler, "{\"version\":\"0\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\","
                + "\"detail\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"rosters/hr.csv\",\"size\":10}}}");

        ReconcileRequest request = requests.get(0);
        assertThat(request.roster()).isEqualTo("s3://b/rosters/hr.csv");
        assertThat(request.apply()).isTrue();
        assertThat(request.adoption()).isEqualTo(AdoptionRule.USER_NAME_AND_EMAIL);
        assertThat(request.maxLeavers()).isEqualTo(40);
        assertThat(summary.path("recordType").asText()).isEqualTo("jml.reconcile");
        assertThat(summary.path("counts").path("CONFLICT").asInt()).isEqualTo(1);
        assertThat(summary.path("outcomes").path("APPLIED").asInt()).isEqualTo(1);
        assertThat(summary.path("alarm").asBoolean()).as("a conflict needs an operator").isTrue();
        assertThat(summary.path("conflictsAndFailures").get(0).path("reason").asText()).contains("another employee");
        assertThat(log).last().isEqualTo(summary.toString());
    }

    @Test
    void a_scheduled_trigger_names_its_roster_and_a_clean_run_raises_no_alarm() throws Exception {
        ReconcileHandler handler = handler(new ReconcileResult("s3://b/rosters/current.csv", Instant.EPOCH, List.of(),
                List.of(line(ReconcileAction.OK, "E1", null)), true, null, Map.of(), 1));

        JsonNode summary = invoke(handler, "{\"roster\":\"s3://b/rosters/current.csv\"}");

        assertThat(requests.get(0).roster()).isEqualTo("s3://b/rosters/current.csv");
        assertThat(summary.path("alarm").asBoolean()).isFalse();
        assertThatThrownBy(() -> invoke(handler, "{\"detail\":{}}")).hasMessageContaining("names no roster");
    }

    private ReconcileHandler handler(ReconcileResult result) {
        return new ReconcileHandler(new ReconcileFunctions.Deployed(request -> {
            requests.add(request);
            return result;
        }, AdoptionRule.USER_NAME_AND_EMAIL, 40), log::add);
    }

    private static JsonNode invoke(ReconcileHandler handler, String trigger) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(trigger.getBytes(StandardCharsets.UTF_8)), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static ReconcileResult.Line line(ReconcileAction action, String employeeId, String reason) {
        PlanItem item = new PlanItem(action, employeeId, "user-" + employeeId, "u-" + employeeId, List.of(), reason,
                null, 2);
        return new ReconcileResult.Line(item, action.changes() ? io.github.jmlidentity.functions.domain.Outcome.APPLIED
                : null, null, 3);
    }
}
