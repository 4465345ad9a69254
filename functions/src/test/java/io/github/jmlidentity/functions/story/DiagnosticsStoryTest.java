package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.FakeLambdaContext;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 item 11: a bug is visible. Its audit record names the exception and where it was thrown and carries the
 * Lambda request id; the stack trace is in a separate jml.error line with the same request id.
 */
class DiagnosticsStoryTest extends StoryTest {

    @Test
    void an_unexpected_exception_leaves_a_stack_trace_apart_from_the_audit_record() throws Exception {
        // GIVEN a bug in the directory code path: a NullPointerException on the first CreateUser
        StoryWorld world = newWorld();
        world.faults.bug("createUser", 1);

        // WHEN Jane's joiner is delivered by Lambda (request id req-1)
        Audit audit = world.deliver("joiner", Fixtures.event("joiner.json"), new FakeLambdaContext("req-1", 300_000));

        // THEN the record is FAILED (retryable), names the exception and where it was thrown, and the request id
        assertThat(audit.outcome()).isEqualTo("FAILED");
        assertThat(audit.retryable()).isTrue();
        assertThat(audit.errorType()).isEqualTo("NullPointerException");
        assertThat(audit.reason()).contains("java.lang.NullPointerException", " at ", "jml.error");
        assertThat(audit.json().path("requestId").asText()).isEqualTo("req-1");
        assertThat(audit.json().has("stackTrace")).isFalse();
        // AND one jml.error line carries the stack trace, for the same request and HR event
        assertThat(world.errorLines).hasSize(1);
        JsonNode error = new ObjectMapper().readTree(world.errorLines.get(0));
        assertThat(error.path("recordType").asText()).isEqualTo("jml.error");
        assertThat(error.path("requestId").asText()).isEqualTo("req-1");
        assertThat(error.path("hrEventId").asText()).isEqualTo("hr-evt-0001");
        assertThat(error.path("stackTrace").asText()).contains("NullPointerException", "FaultyDirectory.call");
    }

    @Test
    void the_first_event_of_a_container_is_marked_cold() {
        StoryWorld world = newWorld();

        Audit first = world.deliver("joiner", Fixtures.event("joiner.json"), new FakeLambdaContext("req-1", 300_000));
        Audit second = world.deliver("joiner", Fixtures.event("joiner.json"), new FakeLambdaContext("req-2", 300_000));

        assertThat(first.json().path("coldStart").asBoolean()).isTrue();
        assertThat(second.json().path("coldStart").asBoolean()).isFalse();
        assertThat(second.json().path("requestId").asText()).isEqualTo("req-2");
    }
}
