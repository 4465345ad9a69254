package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Dynalite;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.Fixtures.InvalidSample;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Every malformed event in events/invalid is rejected with its expected reason, through the real handler, and
 * not one write reaches the Identity Store; the handler throws so Lambda sends it to the failure destination.
 */
class InvalidEventStoryTest {

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private static Map<String, InvalidSample> samples;

    @BeforeAll
    static void readSamples() {
        samples = Fixtures.invalidSamples();
    }

    @Test
    void every_invalid_event_is_rejected_with_its_reason_and_zero_writes() {
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE);
        world.deliver("joiner.json"); // a user exists, so a write would have something to change
        world.server.resetStats();

        assertSoftly(softly -> samples.values().forEach(sample -> {
            Audit audit = sample.function().equals("auto")
                    ? autoRouted(world, sample)
                    : world.deliver(sample.function(), sample.bytes());
            softly.assertThat(audit.outcome()).as(sample.file()).isEqualTo("REJECTED");
            softly.assertThat(audit.errorType()).as(sample.file()).isEqualTo("INVALID_EVENT");
            softly.assertThat(audit.reason()).as(sample.file()).contains(sample.reason());
        }));

        assertThat(world.server.stats().writeCalls()).isZero();
        assertThat(world.server.stats().totalCalls()).isZero();
        assertThat(world.auditLines).hasSize(1 + samples.size()); // exactly one audit record per event
    }

    @Test
    void protected_users_are_rejected_by_every_function_with_zero_writes() {
        StoryWorld world = new StoryWorld(IDENTITY_STORE.server(), DYNALITE);
        Map<String, String> breakGlass = Map.of("userName", StoryWorld.PROTECTED_USER, "employeeId", "E0911");

        for (String sample : new String[] {"joiner.json", "mover.json", "leaver.json"}) {
            Audit audit = world.deliverRouted(Fixtures.eventWith(sample, breakGlass));
            assertThat(audit.outcome()).isEqualTo("REJECTED");
            assertThat(audit.errorType()).isEqualTo("PROTECTED_USER");
            assertThat(audit.threw()).isTrue();
        }
        assertThat(world.server.stats().writeCalls()).isZero();
        assertThat(world.protectedUserUntouched()).isTrue();
    }

    private static Audit autoRouted(StoryWorld world, InvalidSample sample) {
        var record = world.runtime.process(sample.bytes(), (EventKind) null, null);
        return new Audit(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                "outcome", record.outcome().name(), "errorType", record.errorType(), "reason", record.reason())),
                record.isFailure());
    }
}
