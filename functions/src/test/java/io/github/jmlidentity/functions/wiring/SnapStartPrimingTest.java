package io.github.jmlidentity.functions.wiring;

import io.github.jmlidentity.functions.adapter.json.EventParser;
import io.github.jmlidentity.functions.adapter.out.InMemoryEmployeeLedger;
import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.StoryWorld;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SnapStart priming runs the real code path at init as dry runs: it writes nothing (directory, ledger, audit log)
 * and leaves the container's first joiner paying only for its own changes.
 */
class SnapStartPrimingTest {

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();

    private IdentityStoreLocal server;
    private InMemoryEmployeeLedger ledger;
    private final List<String> auditLines = new ArrayList<>();
    private LifecycleFunctions.Builder wiring;

    @BeforeEach
    void givenTheRulesGroupsAndAFreshContainer() {
        server = IDENTITY_STORE.server();
        IdentitystoreClient admin = StoryWorld.clientFor(server);
        for (String group : StoryWorld.SHIPPED_RULES.allGrantableGroups()) {
            admin.createGroup(r -> r.identityStoreId(server.identityStoreId()).displayName(group));
        }
        ledger = new InMemoryEmployeeLedger();
        wiring = LifecycleFunctions.builder()
                .identityStore(StoryWorld.clientFor(server), server.identityStoreId())
                .ssoAdmin(StoryWorld.ssoAdminClientFor(server), server.instanceArn())
                .ledger(ledger)
                .rules(StoryWorld.SHIPPED_RULES)
                .auditLines(auditLines::add);
        server.resetStats();
    }

    @Test
    void priming_writes_nothing_and_the_first_joiner_needs_no_group_lookup() {
        SnapStartPriming.prime(wiring);

        assertThat(server.stats().writeCalls()).isZero();
        assertThat(server.stats().calls("GetGroupId")).isEqualTo(StoryWorld.SHIPPED_RULES.allGrantableGroups().size());
        assertThat(auditLines).isEmpty();
        assertThat(ledger.find(SnapStartPriming.EMPLOYEE_ID)).isEmpty();

        server.resetStats();
        AuditRecord joined = wiring.build().process(HrEventRequest.envelope(Fixtures.event("joiner.json"))).audit();

        assertThat(joined.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(server.stats().callsByOperation()).isEqualTo(Map.of("CreateUser", 1L, "CreateGroupMembership", 3L));
        assertThat(auditLines).hasSize(1);
    }

    @Test
    void a_priming_that_fails_is_logged_with_its_stack_trace_and_init_goes_on() {
        // GIVEN a container whose role may not call GetGroupId (a deployment mistake priming is the first to hit)
        IdentityDirectory sdk = LifecycleFunctions.identityStore(StoryWorld.clientFor(server), server.identityStoreId());
        IdentityDirectory denied = (IdentityDirectory) Proxy.newProxyInstance(IdentityDirectory.class.getClassLoader(),
                new Class<?>[] {IdentityDirectory.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findGroupId")) {
                        throw new DirectoryFailure(DirectoryFailure.Kind.ACCESS_DENIED, "AccessDeniedException",
                                "GetGroupId: not authorized (test)", false);
                    }
                    try {
                        return method.invoke(sdk, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        List<String> errorLines = new ArrayList<>();
        wiring.directory(denied).errorLines(errorLines::add);

        // WHEN Lambda initialises the snapshot
        SnapStartPriming.prime(wiring);

        // THEN init goes on, and one jml.error line says why priming stopped, with the stack trace
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).contains("\"recordType\":\"jml.error\"", "SnapStart priming",
                "DirectoryFailure", "not authorized (test)", "\"stackTrace\":\"");
        assertThat(auditLines).isEmpty();
    }

    @Test
    void the_synthetic_events_pass_validation_so_priming_reaches_the_sdk() {
        EventParser parser = new EventParser();
        for (EventKind kind : EventKind.values()) {
            assertThat(parser.parse(SnapStartPriming.envelope(kind, EventParser.DEFAULT_SOURCE), kind).kind()).isEqualTo(kind);
        }
    }

    @Test
    void priming_runs_only_when_lambda_initialises_a_snapstart_snapshot() {
        assertThat(SnapStartPriming.applies(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"))).isTrue();
        assertThat(SnapStartPriming.applies(Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"))).isFalse();
        assertThat(SnapStartPriming.applies(Map.of())).isFalse();
    }
}
