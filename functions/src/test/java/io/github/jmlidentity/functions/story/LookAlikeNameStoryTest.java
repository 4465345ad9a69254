package io.github.jmlidentity.functions.story;

import io.github.jmlidentity.functions.support.Audit;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 items 2 and 3: a name that only looks like another one (a protected user, another employee) never
 * becomes a user, and a value with a space or a character the Identity Store refuses is rejected before any call.
 */
class LookAlikeNameStoryTest extends StoryTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"breakg1ass-admin", "BreakGlass-Admín", "breakgIass-admin", "breakglass-adm\u0131n",
            "ｂｒｅａｋｇｌａｓｓ-ａｄｍｉｎ", "0ps-emergency"})
    void a_joiner_whose_user_name_looks_like_a_protected_user_is_rejected_with_zero_writes(String lookAlike) {
        // GIVEN the protected user breakglass-admin (and ops-emergency) in the access rules
        StoryWorld world = newWorld();

        // WHEN a joiner names a user that looks like it
        Audit audit = world.deliver("joiner", Fixtures.eventWith("joiner.json", Map.of("userName", lookAlike)));

        // THEN it is refused as the protected user, and nothing is written
        assertThat(audit.outcome()).isEqualTo("REJECTED");
        assertThat(audit.errorType()).isIn("PROTECTED_USER", "INVALID_EVENT");
        assertThat(audit.reason()).containsAnyOf("looks like protected user", "mixes the");
        assertThat(world.server.stats().writeCalls()).isZero();
        assertThat(world.state().users()).containsOnlyKeys(StoryWorld.PROTECTED_USER);
    }

    @Test
    void a_user_name_sent_decomposed_is_the_same_user_as_the_composed_one() {
        // GIVEN José joined with his user name in NFD (e + U+0301), as some HR exports write it
        StoryWorld world = newWorld();
        String decomposed = "jose\u0301.garcia";
        String composed = "jos\u00e9.garcia";
        Audit joined = world.deliver("joiner", Fixtures.eventWith("joiner.json",
                Map.of("employeeId", "E2001", "eventId", "hr-jose-1", "userName", decomposed)));
        assertThat(joined.outcome()).isEqualTo("APPLIED");

        // WHEN another employee joins with the composed (NFC) form of the same name
        Audit other = world.deliver("joiner", Fixtures.eventWith("joiner.json",
                Map.of("employeeId", "E2002", "eventId", "hr-jose-2", "userName", composed)));

        // THEN there is one user, stored in NFC, and the second joiner does not get a look-alike account
        assertThat(world.state().users()).containsOnlyKeys(composed, StoryWorld.PROTECTED_USER);
        assertThat(other.outcome()).isEqualTo("FAILED");
        assertThat(other.errorType()).isEqualTo("IDENTITY_CONFLICT");
    }

    @Test
    void a_department_with_a_trailing_space_does_not_silently_remove_groups() {
        // GIVEN Jane moved to Platform (groups jml-platform, jml-on-call)
        StoryWorld world = newWorld();
        world.deliver("joiner.json");
        world.deliver("mover.json");
        var before = world.state();
        world.server.resetStats();

        // WHEN a correction arrives with "Platform " (a trailing space matches no rule)
        Audit audit = world.deliver("mover", Fixtures.eventWith("mover.json",
                Map.of("eventId", "hr-evt-0002-fix", "effectiveAt", "2026-03-03T09:30:00Z", "department", "Platform ")));

        // THEN it is REJECTED naming the field, before any call: no group is removed
        assertThat(audit.outcome()).isEqualTo("REJECTED");
        assertThat(audit.reason()).contains("detail.department: must not be blank, start or end with a space");
        assertThat(world.server.stats().totalCalls()).isZero();
        assertThat(world.state()).isEqualTo(before);
    }
}
