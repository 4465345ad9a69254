package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.contract.LeaverPolicy;
import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.functions.adapter.json.AccessRulesLoader;
import io.github.jmlidentity.functions.adapter.json.EventParser;
import io.github.jmlidentity.functions.adapter.out.InMemoryEmployeeLedger;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.UserAttribute;
import io.github.jmlidentity.functions.domain.UserProfile;
import io.github.jmlidentity.functions.support.Fixtures;
import io.github.jmlidentity.functions.support.InMemoryIdentityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' stories against in-memory twins: fast, and independent of the emulator. */
class LifecycleServicesTest {

    private static final AccessRules SHIPPED = AccessRulesLoader.load(Fixtures.accessRulesFile());
    private static final EventParser PARSER = new EventParser();

    private InMemoryIdentityDirectory directory;
    private InMemoryEmployeeLedger ledger;

    @BeforeEach
    void emptyDirectoryWithTheRulesGroups() {
        directory = new InMemoryIdentityDirectory();
        ledger = new InMemoryEmployeeLedger();
        SHIPPED.allGrantableGroups().forEach(directory::givenGroup);
    }

    @Test
    void joiner_creates_the_user_with_the_hr_profile_and_the_granted_groups() {
        ProcessingResult result = handle(SHIPPED, false, "joiner.json");

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        var user = directory.findUserByUserName("jane.doe").orElseThrow();
        assertThat(user.profile().get(UserAttribute.EMPLOYEE_NUMBER)).isEqualTo("E1001");
        assertThat(user.profile().get(UserAttribute.DEPARTMENT)).isEqualTo("Engineering");
        assertThat(user.profile().get(UserAttribute.DISPLAY_NAME)).isEqualTo("Jane Doe");
        assertThat(directory.groupNamesOf("jane.doe"))
                .containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(result.plan().groupsToAdd()).hasSize(3);
        assertThat(ledger.find("E1001").orElseThrow().userId()).isEqualTo(user.userId());
    }

    @Test
    void a_duplicate_joiner_is_a_no_op() {
        handle(SHIPPED, false, "joiner.json");
        int writes = directory.writeCalls();

        ProcessingResult again = handle(SHIPPED, false, "joiner.json");

        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(directory.writeCalls()).isEqualTo(writes);
        assertThat(directory.userCount()).isEqualTo(1);
    }

    @Test
    void mover_changes_only_what_changed_and_never_touches_unmanaged_groups() {
        handle(SHIPPED, false, "joiner.json");
        String userId = directory.findUserByUserName("jane.doe").orElseThrow().userId();
        directory.givenMembership(userId, "finance-team"); // granted by hand, not managed

        ProcessingResult result = handle(SHIPPED, false, "mover.json");

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.plan().attributesChanged()).containsExactlyInAnyOrder(
                "title", UserAttribute.DEPARTMENT.path(), UserAttribute.COST_CENTER.path(),
                UserAttribute.MANAGER.path());
        assertThat(directory.groupNamesOf("jane.doe")).containsExactly(
                "finance-team", "jml-all-staff", "jml-office-london", "jml-on-call", "jml-platform", "jml-prod-access");
        assertThat(result.plan().groupsRemoved()).containsExactly("jml-engineering");
    }

    @Test
    void mover_for_an_unknown_employee_provisions_them_and_says_so() {
        ProcessingResult result = handle(SHIPPED, false, "mover.json");

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.note()).contains("was not in the directory: provisioned by the mover");
        assertThat(directory.groupNamesOf("jane.doe")).contains("jml-platform");
    }

    @Test
    void leaver_records_the_memberships_then_deletes_the_user() {
        handle(SHIPPED, false, "joiner.json");

        ProcessingResult result = handle(SHIPPED, false, "leaver.json");

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(result.plan().deleteUser()).isTrue();
        assertThat(result.plan().membershipsBefore()).hasSize(3);
        assertThat(directory.findUserByUserName("jane.doe")).isEmpty();
        assertThat(ledger.find("E1001").orElseThrow().status()).isEqualTo(EmploymentStatus.LEFT);
    }

    @Test
    void leaver_for_an_unknown_employee_is_no_change_but_blocks_a_late_joiner() {
        assertThat(handle(SHIPPED, false, "leaver.json").outcome()).isEqualTo(Outcome.NO_CHANGE);

        ProcessingResult lateJoiner = handle(SHIPPED, false, "joiner.json");

        assertThat(lateJoiner.outcome()).isEqualTo(Outcome.STALE);
        assertThat(lateJoiner.reason()).contains("older than the last applied event hr-evt-0003");
        assertThat(directory.userCount()).isZero();
    }

    @Test
    void a_rehire_after_the_leave_comes_back_with_todays_groups() {
        handle(SHIPPED, false, "joiner.json");
        handle(SHIPPED, false, "leaver.json");

        ProcessingResult rehire = handle(SHIPPED, false, "rehire.json");

        assertThat(rehire.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(directory.groupNamesOf("jane.doe")).containsExactly("jml-all-staff", "jml-contractors", "jml-finance");
        assertThat(ledger.find("E1001").orElseThrow().status()).isEqualTo(EmploymentStatus.ACTIVE);
    }

    @Test
    void suspend_policy_removes_only_managed_memberships_and_keeps_the_user() {
        AccessRules suspend = with(SHIPPED, LeaverPolicy.SUSPEND, SHIPPED.missingGroupPolicy(), 25);
        handle(suspend, false, "joiner.json");
        String userId = directory.findUserByUserName("jane.doe").orElseThrow().userId();
        directory.givenMembership(userId, "finance-team");

        ProcessingResult result = handle(suspend, false, "leaver.json");

        assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(directory.groupNamesOf("jane.doe")).containsExactly("finance-team");
        assertThat(result.plan().groupsRemoved()).hasSize(3);
    }

    @Test
    void protected_users_are_rejected_without_any_write() {
        byte[] event = Fixtures.eventWith("joiner.json", Map.of("userName", "BreakGlass-Admin"));

        ProcessingResult result = service(SHIPPED, false, PARSER.parse(event, null)).handle(PARSER.parse(event, null));

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.errorType()).isEqualTo("PROTECTED_USER");
        assertThat(directory.writeCalls()).isZero();
    }

    @Test
    void a_user_name_held_by_another_employee_is_not_adopted() {
        directory.givenUser(new UserProfile(Map.of(UserAttribute.USER_NAME, "jane.doe",
                UserAttribute.EMPLOYEE_NUMBER, "E9999")));

        ProcessingResult result = handle(SHIPPED, false, "joiner.json");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.errorType()).isEqualTo("IDENTITY_CONFLICT");
        assertThat(result.reason()).contains("employeeNumber is 'E9999', not employee E1001");
        assertThat(directory.groupNamesOf("jane.doe")).isEmpty();
    }

    @Test
    void a_half_applied_joiner_converges_on_retry() {
        // The first attempt created the user, then failed before any membership (e.g. throttled).
        directory.givenUser(UserProfile.from(PARSER.parse(Fixtures.event("joiner.json"), null).employee()));

        ProcessingResult retry = handle(SHIPPED, false, "joiner.json");

        assertThat(retry.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(directory.userCount()).isEqualTo(1);
        assertThat(directory.groupNamesOf("jane.doe")).hasSize(3);
    }

    @Test
    void a_missing_group_fails_before_any_write_under_the_fail_policy() {
        directory = new InMemoryIdentityDirectory(); // no groups at all

        ProcessingResult result = handle(SHIPPED, false, "joiner.json");

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.errorType()).isEqualTo("MISSING_GROUP");
        assertThat(result.reason()).contains("'jml-all-staff', which does not exist");
        assertThat(directory.writeCalls()).isZero();
    }

    @Test
    void a_missing_group_is_created_under_the_create_policy() {
        directory = new InMemoryIdentityDirectory();
        AccessRules create = with(SHIPPED, LeaverPolicy.DELETE, MissingGroupPolicy.CREATE, 25);

        assertThat(handle(create, false, "joiner.json").outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(directory.groupNamesOf("jane.doe")).containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
    }

    @Test
    void the_mass_deletion_guard_stops_leavers_beyond_the_cap_and_deletes_nothing() {
        AccessRules capped = with(SHIPPED, LeaverPolicy.DELETE, MissingGroupPolicy.FAIL, 2);
        for (int i = 1; i <= 3; i++) {
            handleBytes(capped, Fixtures.eventWith("joiner.json", Map.of("employeeId", "E" + i, "userName", "u" + i,
                    "eventId", "j" + i)));
        }
        Outcome[] outcomes = new Outcome[3];
        ProcessingResult last = null;
        for (int i = 1; i <= 3; i++) {
            last = handleBytes(capped, Fixtures.eventWith("leaver.json", Map.of("employeeId", "E" + i,
                    "userName", "u" + i, "eventId", "l" + i)));
            outcomes[i - 1] = last.outcome();
        }

        assertThat(outcomes).containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.FAILED);
        assertThat(last.errorType()).isEqualTo("MASS_DELETION_GUARD");
        assertThat(directory.findUserByUserName("u3")).isPresent();
        assertThat(last.plan().membershipsBefore()).hasSize(3);
    }

    @Test
    void dry_run_plans_without_writing_to_the_directory_or_the_ledger() {
        ProcessingResult result = handle(SHIPPED, true, "joiner.json");

        assertThat(result.outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(result.plan().createsUser()).isTrue();
        assertThat(result.plan().groupsToAdd()).containsExactly("jml-all-staff", "jml-engineering", "jml-office-london");
        assertThat(directory.writeCalls()).isZero();
        assertThat(ledger.entries()).isEmpty();
    }

    @Test
    void a_lease_left_by_a_crashed_invocation_lapses_and_the_next_delivery_applies() {
        ledger.put(io.github.jmlidentity.functions.domain.LedgerEntry.empty("E1001")
                .locked("hr-evt-crashed", java.time.Instant.now().minusSeconds(1)), 0);

        assertThat(handle(SHIPPED, false, "joiner.json").outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(ledger.find("E1001").orElseThrow().lockOwner()).isNull();
    }

    @Test
    void a_delivery_that_cannot_get_the_lease_in_time_fails_for_a_retry_without_writing() {
        ledger.put(io.github.jmlidentity.functions.domain.LedgerEntry.empty("E1001")
                .locked("hr-evt-running", java.time.Instant.now().plusSeconds(60)), 0);
        LifecycleSettings impatient = new LifecycleSettings(directory, ledger, SHIPPED, java.time.Clock.systemUTC(),
                false, java.time.Duration.ofMinutes(2), java.time.Duration.ofMillis(100));
        HrEvent event = PARSER.parse(Fixtures.event("joiner.json"), null);

        ProcessingResult result = new JoinerService(impatient).handle(event);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.errorType()).isEqualTo("CONCURRENT_DELIVERY");
        assertThat(result.retryable()).isTrue();
        assertThat(directory.writeCalls()).isZero();
    }

    private ProcessingResult handle(AccessRules rules, boolean dryRun, String sample) {
        HrEvent event = PARSER.parse(Fixtures.event(sample), null);
        return service(rules, dryRun, event).handle(event);
    }

    private ProcessingResult handleBytes(AccessRules rules, byte[] raw) {
        HrEvent event = PARSER.parse(raw, null);
        return service(rules, false, event).handle(event);
    }

    private LifecycleService service(AccessRules rules, boolean dryRun, HrEvent event) {
        LifecycleSettings settings = LifecycleSettings.of(directory, ledger, rules, dryRun);
        return switch (event.kind()) {
            case JOINED -> new JoinerService(settings);
            case MOVED -> new MoverService(settings);
            case LEFT -> new LeaverService(settings);
            case CANCELLED -> throw new IllegalArgumentException("a cancellation has no lifecycle service");
        };
    }

    static AccessRules with(AccessRules r, LeaverPolicy leaver, MissingGroupPolicy missing, int cap) {
        return new AccessRules(r.defaultGroups(), r.managedGroups(), r.rules(), r.protectedUsers(), missing, leaver, cap);
    }
}
