package io.github.jmlidentity.functions.support;

import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every story runs against: Identity Store Local (one per test class, reset before each test) with the stories'
 * IAM Identity Center instance (accounts and permission sets), and dynalite (one per run, a fresh ledger table per
 * world).
 */
public abstract class StoryTest {

    @RegisterExtension
    protected static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension()
            .withSeed(Fixtures.storySeed());
    @RegisterExtension
    protected static final Dynalite DYNALITE = new Dynalite();

    /** The shipped rules' groups, an unmanaged group and a protected user, with the functions as deployed. */
    protected static StoryWorld newWorld() {
        return new StoryWorld(IDENTITY_STORE.server(), DYNALITE);
    }

    /** GIVEN the joiner created Jane and added her first group, then was throttled out on the second membership. */
    protected static Audit givenTheJoinerThrottledOutOnItsSecondMembership(StoryWorld world) {
        world.faults.throttle("addMembership", 2);
        Audit failed = world.deliver("joiner.json");
        assertThat(failed.outcome()).isEqualTo("FAILED");
        return failed;
    }
}
