package io.github.jmlidentity.functions.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The failure queue's two message shapes are read back to their event; an envelope is never taken for one. */
class RedriveMessageTest {

    private static final String ENVELOPE = "{\"detail-type\":\"Employee Joined\",\"source\":\"com.example.hr\",\"detail\":{}}";

    @Test
    void a_permanent_failure_gives_its_event_as_json() {
        var unwrapped = RedriveMessage.unwrap(bytes("{\"source\":\"jml-identity\",\"outcome\":\"REJECTED\","
                + "\"errorType\":\"INVALID_EVENT\",\"event\":" + ENVELOPE + "}"));

        assertThat(unwrapped).hasValueSatisfying(u -> {
            assertThat(new String(u.envelope(), StandardCharsets.UTF_8)).isEqualTo(ENVELOPE);
            assertThat(u.shape()).isEqualTo("failure-queue message (REJECTED INVALID_EVENT)");
        });
    }

    @Test
    void an_event_kept_as_text_because_it_was_not_json_is_given_back_as_that_text() {
        var unwrapped = RedriveMessage.unwrap(bytes("{\"source\":\"jml-identity\",\"event\":\"not { json\"}"));

        assertThat(unwrapped).hasValueSatisfying(u ->
                assertThat(new String(u.envelope(), StandardCharsets.UTF_8)).isEqualTo("not { json"));
    }

    @Test
    void a_lambda_destination_record_gives_its_request_payload() {
        var unwrapped = RedriveMessage.unwrap(bytes("{\"requestContext\":{\"condition\":\"RetriesExhausted\"},"
                + "\"requestPayload\":" + ENVELOPE + ",\"responseContext\":{},\"responsePayload\":{}}"));

        assertThat(unwrapped).hasValueSatisfying(u -> {
            assertThat(new String(u.envelope(), StandardCharsets.UTF_8)).isEqualTo(ENVELOPE);
            assertThat(u.shape()).contains("destination record (RetriesExhausted)");
        });
    }

    @Test
    void an_envelope_or_anything_else_is_not_a_redrive_message() {
        assertThat(RedriveMessage.unwrap(bytes(ENVELOPE))).isEmpty();
        assertThat(RedriveMessage.unwrap(bytes("{\"detail-type\":\"Employee Joined\",\"source\":\"jml-identity\","
                + "\"event\":{}}"))).as("an envelope whose source happens to be jml-identity").isEmpty();
        assertThat(RedriveMessage.unwrap(bytes("not json"))).isEmpty();
        assertThat(RedriveMessage.unwrap(bytes("[1]"))).isEmpty();
        assertThat(RedriveMessage.unwrap(new byte[0])).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
