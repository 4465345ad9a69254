package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures.InvalidSample;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every malformed event in events/invalid is rejected with its expected reason, through the real handler, and
 * not one write reaches the Identity Store; the handler sends it straight to the failure queue and does not
 * throw, so Lambda does not retry it into two more REJECTED records.
 */
class InvalidEventStoryTest extends StoryTest {

    private static Map<String, InvalidSample> samples;

    @BeforeAll
    static void readSamples() {
        samples = Fixtures.invalidSamples();
    }

    @Test
    void every_invalid_event_is_rejected_with_its_reason_and_zero_writes() {
        StoryWorld world = newWorld();
        world.deliver("joiner.json"); // a user exists, so a write would have something to change
        world.server.resetStats();

        assertSoftly(softly -> samples.values().forEach(sample -> {
            Audit audit;
            if (sample.function().equals("auto")) {
                audit = autoRouted(world, sample);
            } else {
                // delivered as Lambda does, retries included: a rejection is final, so there are none
                List<Audit> attempts = world.deliverAsLambda(sample.function(), sample.bytes());
                softly.assertThat(attempts).as(sample.file()).hasSize(1);
                audit = attempts.get(0);
                softly.assertThat(audit.threw()).as(sample.file()).isFalse();
            }
            softly.assertThat(audit.outcome()).as(sample.file()).isEqualTo("REJECTED");
            softly.assertThat(audit.errorType()).as(sample.file()).isEqualTo("INVALID_EVENT");
            softly.assertThat(audit.reason()).as(sample.file()).contains(sample.reason());
        }));

        assertThat(world.server.stats().writeCalls()).isZero();
        assertThat(world.server.stats().totalCalls()).isZero();
        assertThat(world.auditLines).hasSize(1 + samples.size()); // exactly one audit record per event
        // each rejected event is in the failure queue once, with its reason, for HR to correct and resend (the
        // functions send it there whichever driver ran them, the Lambda handler or a direct call of the port)
        assertThat(world.failureQueue.messages()).hasSize(samples.size()).allSatisfy(m -> {
            assertThat(m.path("source").asText()).isEqualTo("jml-identity");
            assertThat(m.path("outcome").asText()).isEqualTo("REJECTED");
            assertThat(m.path("errorType").asText()).isEqualTo("INVALID_EVENT");
            assertThat(m.path("reason").asText()).isNotBlank();
            assertThat(m.has("event")).isTrue();
        });
    }

    @Test
    void protected_users_are_rejected_by_every_function_with_zero_writes() {
        StoryWorld world = newWorld();
        Map<String, String> breakGlass = Map.of("userName", StoryWorld.PROTECTED_USER, "employeeId", "E0911");

        for (String sample : new String[] {"joiner.json", "mover.json", "leaver.json"}) {
            Audit audit = world.deliverRouted(Fixtures.eventWith(sample, breakGlass));
            assertThat(audit.outcome()).isEqualTo("REJECTED");
            assertThat(audit.errorType()).isEqualTo("PROTECTED_USER");
            assertThat(audit.threw()).isFalse();
        }
        assertThat(world.failureQueue.messages()).extracting(m -> m.path("errorType").asText())
                .containsExactly("PROTECTED_USER", "PROTECTED_USER", "PROTECTED_USER");
        assertThat(world.server.stats().writeCalls()).isZero();
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    private static Audit autoRouted(StoryWorld world, InvalidSample sample) {
        var record = world.functions.process(HrEventRequest.envelope(sample.bytes())).audit();
        return new Audit(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                "outcome", record.outcome().name(), "errorType", record.verdict().errorType(),
                "reason", record.verdict().reason())), record.isFailure());
    }
}
