package io.github.jmlidentity.functions.adapter.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The failure queue's two message shapes are read back to their event; an envelope is never taken for one. */
class RedriveMessageTest {

    private static final String ENVELOPE = "{\"detail-type\":\"Employee Joined\",\"source\":\"com.example.hr\",\"detail\":{}}";

    static Stream<Arguments> redriveMessages() {
        return Stream.of(
                Arguments.of("a permanent failure gives its event as JSON",
                        "{\"source\":\"jml-identity\",\"outcome\":\"REJECTED\",\"errorType\":\"INVALID_EVENT\",\"event\":"
                                + ENVELOPE + "}",
                        "failure-queue message (REJECTED INVALID_EVENT)"),
                Arguments.of("a Lambda destination record gives its request payload",
                        "{\"requestContext\":{\"condition\":\"RetriesExhausted\"},\"requestPayload\":" + ENVELOPE
                                + ",\"responseContext\":{},\"responsePayload\":{}}",
                        "Lambda on-failure destination record (RetriesExhausted)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("redriveMessages")
    void a_redrive_message_gives_back_its_event_and_says_what_it_was(String story, String message, String shape) {
        var unwrapped = RedriveMessage.unwrap(bytes(message));

        assertThat(unwrapped).hasValueSatisfying(u -> {
            assertThat(new String(u.envelope(), StandardCharsets.UTF_8)).isEqualTo(ENVELOPE);
            assertThat(u.shape()).isEqualTo(shape);
        });
    }

    @Test
    void an_event_kept_as_text_because_it_was_not_json_is_given_back_as_that_text() {
        var unwrapped = RedriveMessage.unwrap(bytes("{\"source\":\"jml-identity\",\"event\":\"not { json\"}"));

        assertThat(unwrapped).hasValueSatisfying(u ->
                assertThat(new String(u.envelope(), StandardCharsets.UTF_8)).isEqualTo("not { json"));
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
