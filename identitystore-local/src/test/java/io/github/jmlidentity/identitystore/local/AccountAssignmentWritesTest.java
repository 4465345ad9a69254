package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import io.github.jmlidentity.identitystore.local.junit.ManualClock;
import io.github.jmlidentity.identitystore.local.ssoadmin.ProvisioningSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatusMetadata;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.InternalServerException;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.ssoadmin.model.ThrottlingException;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/**
 * GIVEN a seeded instance and a clock the test moves, CreateAccountAssignment and DeleteAccountAssignment run
 * asynchronously as in IAM Identity Center: IN_PROGRESS for the provisioning delay, then SUCCEEDED or FAILED.
 */
class AccountAssignmentWritesTest {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private static final Duration PROVISIONING = Duration.ofSeconds(30);
    private static final String STORE_ID = "d-9876543210";
    private static final String PRODUCTION = "222222222222";
    private static final String SANDBOX = "333333333333";

    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension()
            .withSeed(Path.of("src/test/resources/seed-small.json"))
            .withClock(CLOCK)
            .withProvisioning(ProvisioningSettings.immediate().withDelay(PROVISIONING));
    @RegisterExtension
    static final SdkClientsExtension CLIENTS = new SdkClientsExtension(IDENTITY_STORE);

    @Test
    void aCreationIsInProgressUntilTheDelayHasPassedOnTheClockThenSucceedsAndIsListed() {
        String ada = userId("ada");
        String powerUser = permissionSet("PowerUser");
        Instant requestedAt = CLOCK.instant();

        AccountAssignmentOperationStatus created = create(PRODUCTION, powerUser, PrincipalType.USER, ada);

        assertThat(created.status()).isEqualTo(StatusValues.IN_PROGRESS);
        assertThat(created.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(created.createdDate()).isEqualTo(requestedAt);
        assertThat(created.targetId()).isEqualTo(PRODUCTION);
        assertThat(created.targetType()).isEqualTo(TargetType.AWS_ACCOUNT);
        assertThat(created.permissionSetArn()).isEqualTo(powerUser);
        assertThat(created.principalType()).isEqualTo(PrincipalType.USER);
        assertThat(created.principalId()).isEqualTo(ada);
        assertThat(created.failureReason()).isNull();
        assertThat(describeCreation(created.requestId()).status()).isEqualTo(StatusValues.IN_PROGRESS);
        assertThat(assignmentsOf(PrincipalType.USER, ada)).as("not listed while provisioning").isEmpty();
        assertThat(provisionedAccounts(powerUser)).containsExactly(SANDBOX);

        CLOCK.advance(PROVISIONING.minusMillis(1));
        assertThat(describeCreation(created.requestId()).status()).isEqualTo(StatusValues.IN_PROGRESS);

        CLOCK.advance(Duration.ofMillis(1));
        AccountAssignmentOperationStatus done = describeCreation(created.requestId());
        assertThat(done.status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(done.failureReason()).isNull();
        assertThat(done.createdDate()).isEqualTo(requestedAt);
        assertThat(assignmentsOf(PrincipalType.USER, ada)).singleElement().satisfies(a -> {
            assertThat(a.accountId()).isEqualTo(PRODUCTION);
            assertThat(a.permissionSetArn()).isEqualTo(powerUser);
        });
        assertThat(CLIENTS.ssoAdmin().listAccountAssignments(r -> r.instanceArn(instanceArn()).accountId(PRODUCTION)
                .permissionSetArn(powerUser)).accountAssignments())
                .extracting(AccountAssignment::principalId).containsExactly(ada);
        assertThat(provisionedAccounts(powerUser)).containsExactly(PRODUCTION, SANDBOX);
    }

    @Test
    void aSecondRequestWhileTheFirstIsInProgressIsAConflictAndACreationOfAnExistingAssignmentAddsNoDuplicate() {
        String ada = userId("ada");
        String readOnly = permissionSet("ReadOnly");
        create(SANDBOX, readOnly, PrincipalType.USER, ada);

        assertThatThrownBy(() -> create(SANDBOX, readOnly, PrincipalType.USER, ada))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(400))
                .hasMessageContaining("already in progress");
        assertThatThrownBy(() -> delete(SANDBOX, readOnly, PrincipalType.USER, ada)).isInstanceOf(ConflictException.class);

        CLOCK.advance(PROVISIONING);
        AccountAssignmentOperationStatus again = create(SANDBOX, readOnly, PrincipalType.USER, ada);
        CLOCK.advance(PROVISIONING);
        assertThat(describeCreation(again.requestId()).status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(assignmentsOf(PrincipalType.USER, ada)).hasSize(1);
        assertThat(IDENTITY_STORE.server().ssoAdmin().assignments()).hasSize(5);
    }

    @Test
    void malformedArnsAccountIdsEnumsAndRequestIdsAreValidationExceptionsNamingTheMember() {
        String ada = userId("ada");
        String readOnly = permissionSet("ReadOnly");
        String instanceArn = instanceArn();

        assertValidation(() -> create("12345", readOnly, PrincipalType.USER, ada), "targetId");
        assertValidation(() -> create("12345678901a", readOnly, PrincipalType.USER, ada), "targetId");
        assertValidation(() -> create(PRODUCTION, "arn:aws:sso:::permissionSet/not-a-permission-set", PrincipalType.USER, ada),
                "permissionSetArn");
        assertValidation(() -> create(PRODUCTION, readOnly, PrincipalType.USER, "not-a-principal-id"), "principalId");
        assertValidation(() -> CLIENTS.ssoAdmin().createAccountAssignment(r -> r
                .instanceArn("arn:aws:sso:::instance/ssoins-short").targetId(PRODUCTION)
                .targetType(TargetType.AWS_ACCOUNT).permissionSetArn(readOnly)
                .principalType(PrincipalType.USER).principalId(ada)), "instanceArn");
        assertValidation(() -> CLIENTS.ssoAdmin().createAccountAssignment(r -> r.instanceArn(instanceArn)
                .targetId(PRODUCTION).targetType("ORGANIZATIONAL_UNIT").permissionSetArn(readOnly)
                .principalType(PrincipalType.USER).principalId(ada)), "targetType");
        assertValidation(() -> CLIENTS.ssoAdmin().deleteAccountAssignment(r -> r.instanceArn(instanceArn)
                .targetId(PRODUCTION).targetType(TargetType.AWS_ACCOUNT).permissionSetArn(readOnly)
                .principalType("ROLE").principalId(ada)), "principalType");
        assertValidation(() -> CLIENTS.ssoAdmin().describeAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn)
                .accountAssignmentCreationRequestId("not-a-request-id")), "accountAssignmentCreationRequestId");
        assertValidation(() -> CLIENTS.ssoAdmin().listAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn)
                .filter(f -> f.status("DONE"))), "filter.status");

        assertThat(CLIENTS.ssoAdmin().listAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn))
                .accountAssignmentsCreationStatus()).as("no request was accepted").isEmpty();
    }

    @Test
    void anUnknownPermissionSetInstanceOrRequestIdIsResourceNotFound() {
        String ada = userId("ada");
        String readOnly = permissionSet("ReadOnly");
        String unknownPermissionSet = readOnly.substring(0, readOnly.lastIndexOf("/ps-")) + "/ps-0000000000000000";

        assertThatThrownBy(() -> create(PRODUCTION, unknownPermissionSet, PrincipalType.USER, ada))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining(unknownPermissionSet);
        assertThatThrownBy(() -> CLIENTS.ssoAdmin().createAccountAssignment(r -> r
                .instanceArn("arn:aws:sso:::instance/ssoins-0000000000000000").targetId(PRODUCTION)
                .targetType(TargetType.AWS_ACCOUNT).permissionSetArn(readOnly)
                .principalType(PrincipalType.USER).principalId(ada)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> describeCreation("00000000-0000-0000-0000-000000000000"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> provisionedAccounts(unknownPermissionSet)).isInstanceOf(ResourceNotFoundException.class);

        String deletionOfSomethingElse = create(PRODUCTION, readOnly, PrincipalType.USER, ada).requestId();
        assertThatThrownBy(() -> CLIENTS.ssoAdmin().describeAccountAssignmentDeletionStatus(r -> r.instanceArn(instanceArn())
                .accountAssignmentDeletionRequestId(deletionOfSomethingElse)))
                .as("a creation's request id is not a deletion's").isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aPrincipalThatDoesNotExistIsAcceptedThenFailsWithTheServicesReason() {
        String nobody = "9876543210-00000000-0000-0000-0000-000000000000";

        AccountAssignmentOperationStatus created = create(PRODUCTION, permissionSet("ReadOnly"), PrincipalType.USER, nobody);
        assertThat(created.status()).isEqualTo(StatusValues.IN_PROGRESS);
        CLOCK.advance(PROVISIONING);

        AccountAssignmentOperationStatus failed = describeCreation(created.requestId());
        assertThat(failed.status()).isEqualTo(StatusValues.FAILED);
        assertThat(failed.failureReason())
                .isEqualTo("Received a 404 status error: the USER assignee " + nobody + " was not found in directory " + STORE_ID);
        assertThat(assignmentsOf(PrincipalType.USER, nobody)).isEmpty();
    }

    @Test
    void aDeletionKeepsTheAssignmentListedUntilItSucceeds() {
        String grace = userId("grace");
        String readOnly = permissionSet("ReadOnly");
        assertThat(assignmentsOf(PrincipalType.USER, grace)).as("seeded").hasSize(1);

        AccountAssignmentOperationStatus deletion = delete(SANDBOX, readOnly, PrincipalType.USER, grace);
        assertThat(deletion.status()).isEqualTo(StatusValues.IN_PROGRESS);
        assertThat(deletion.principalId()).isEqualTo(grace);
        assertThat(describeDeletion(deletion.requestId()).status()).isEqualTo(StatusValues.IN_PROGRESS);
        assertThat(assignmentsOf(PrincipalType.USER, grace)).as("still provisioned while the deletion runs").hasSize(1);

        CLOCK.advance(PROVISIONING);
        assertThat(describeDeletion(deletion.requestId()).status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(assignmentsOf(PrincipalType.USER, grace)).isEmpty();
        assertThat(provisionedAccounts(readOnly)).as("no assignment of ReadOnly is left in the sandbox").containsExactly(PRODUCTION);
    }

    @Test
    void deletingAnAssignmentThatDoesNotExistIsResourceNotFoundAndRecordsNoRequest() {
        String ada = userId("ada");

        assertThatThrownBy(() -> delete(PRODUCTION, permissionSet("ReadOnly"), PrincipalType.USER, ada))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("Account assignment not found");
        assertThat(CLIENTS.ssoAdmin().listAccountAssignmentDeletionStatus(r -> r.instanceArn(instanceArn()))
                .accountAssignmentsDeletionStatus()).isEmpty();
    }

    @Test
    void aDeletionFailsWhenTheProvisioningKnobSaysSoAndTheAssignmentStaysUntilARetrySucceeds() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.provisioning(server.provisioning().withFailNextDeletions(1).withFailureReason("Simulated: the role is in use"));
        String grace = userId("grace");
        String readOnly = permissionSet("ReadOnly");

        AccountAssignmentOperationStatus first = delete(SANDBOX, readOnly, PrincipalType.USER, grace);
        assertThat(first.status()).as("a failure shows only once provisioning ends").isEqualTo(StatusValues.IN_PROGRESS);
        CLOCK.advance(PROVISIONING);
        AccountAssignmentOperationStatus failed = describeDeletion(first.requestId());
        assertThat(failed.status()).isEqualTo(StatusValues.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Simulated: the role is in use");
        assertThat(assignmentsOf(PrincipalType.USER, grace)).hasSize(1);
        assertThat(server.provisioning().failNextDeletions()).as("the knob counted down").isZero();

        AccountAssignmentOperationStatus retry = delete(SANDBOX, readOnly, PrincipalType.USER, grace);
        CLOCK.advance(PROVISIONING);
        assertThat(describeDeletion(retry.requestId()).status()).isEqualTo(StatusValues.SUCCEEDED);
        assertThat(assignmentsOf(PrincipalType.USER, grace)).isEmpty();
    }

    @Test
    void statusListingsArePaginatedInRequestOrderAndFilteredByStatus() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        server.provisioning(server.provisioning().withFailNextCreations(2));
        String ada = userId("ada");
        String readOnly = permissionSet("ReadOnly");
        List<String> requestIds = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            requestIds.add(create("10000000000" + i, readOnly, PrincipalType.USER, ada).requestId());
        }
        CLOCK.advance(PROVISIONING);
        requestIds.add(create("100000000009", readOnly, PrincipalType.USER, ada).requestId());

        server.resetStats();
        List<AccountAssignmentOperationStatusMetadata> all = CLIENTS.ssoAdmin()
                .listAccountAssignmentCreationStatusPaginator(r -> r.instanceArn(instanceArn()).maxResults(2))
                .accountAssignmentsCreationStatus().stream().toList();
        assertThat(all).extracting(AccountAssignmentOperationStatusMetadata::requestId).containsExactlyElementsOf(requestIds);
        assertThat(all).extracting(AccountAssignmentOperationStatusMetadata::status).containsExactly(
                StatusValues.FAILED, StatusValues.FAILED, StatusValues.SUCCEEDED, StatusValues.SUCCEEDED,
                StatusValues.SUCCEEDED, StatusValues.IN_PROGRESS);
        assertThat(server.stats().calls("ListAccountAssignmentCreationStatus")).as("3 pages of 2").isEqualTo(3);
        assertThat(creationStatuses(StatusValues.FAILED)).containsExactlyElementsOf(requestIds.subList(0, 2));
        assertThat(creationStatuses(StatusValues.SUCCEEDED)).containsExactlyElementsOf(requestIds.subList(2, 5));
        assertThat(creationStatuses(StatusValues.IN_PROGRESS)).containsExactly(requestIds.get(5));

        String deletion = delete("100000000003", readOnly, PrincipalType.USER, ada).requestId();
        assertThat(CLIENTS.ssoAdmin().listAccountAssignmentDeletionStatusPaginator(r -> r.instanceArn(instanceArn())
                .filter(f -> f.status(StatusValues.IN_PROGRESS))).accountAssignmentsDeletionStatus())
                .extracting(AccountAssignmentOperationStatusMetadata::requestId).containsExactly(deletion);
        assertThat(CLIENTS.ssoAdmin().listAccountAssignmentDeletionStatus(r -> r.instanceArn(instanceArn())
                .filter(f -> f.status(StatusValues.SUCCEEDED))).accountAssignmentsDeletionStatus()).isEmpty();
    }

    @Test
    void listAccountsForProvisionedPermissionSetIsPaginated() {
        String ada = userId("ada");
        String powerUser = permissionSet("PowerUser");
        for (int i = 1; i <= 4; i++) {
            create("20000000000" + i, powerUser, PrincipalType.USER, ada);
        }
        CLOCK.advance(PROVISIONING);

        IDENTITY_STORE.server().resetStats();
        List<String> accounts = CLIENTS.ssoAdmin().listAccountsForProvisionedPermissionSetPaginator(r -> r
                .instanceArn(instanceArn()).permissionSetArn(powerUser).maxResults(2)).accountIds().stream().toList();
        assertThat(accounts).containsExactly("200000000001", "200000000002", "200000000003", "200000000004", SANDBOX);
        assertThat(IDENTITY_STORE.server().stats().calls("ListAccountsForProvisionedPermissionSet")).isEqualTo(3);
        assertThat(CLIENTS.ssoAdmin().listAccountsForProvisionedPermissionSet(r -> r.instanceArn(instanceArn())
                .permissionSetArn(powerUser).provisioningStatus("LATEST_PERMISSION_SET_NOT_PROVISIONED")).accountIds())
                .as("every provisioned account holds the latest version").isEmpty();
    }

    @Test
    void faultsApplyToTheAssignmentOperationsFromTheirOwnQuotaWhileTheReadsStayUnfaulted() {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        String ada = userId("ada");
        String readOnly = permissionSet("ReadOnly");

        server.faults(FaultSettings.none().withInternalErrorRate(1));
        assertThatThrownBy(() -> create(PRODUCTION, readOnly, PrincipalType.USER, ada))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThatThrownBy(() -> CLIENTS.ssoAdmin().listAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn())))
                .isInstanceOf(InternalServerException.class);
        assertThat(assignmentsOf(PrincipalType.USER, ada)).as("the report's reads are not faulted").isEmpty();

        server.faults(FaultSettings.none().withConcurrentModificationRate(1));
        assertThatThrownBy(() -> create(PRODUCTION, readOnly, PrincipalType.USER, ada)).isInstanceOf(ConflictException.class);
        assertThat(CLIENTS.ssoAdmin().listAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn()))
                .accountAssignmentsCreationStatus()).as("status reads are not writes: no conflict; nothing accepted").isEmpty();

        server.faults(FaultSettings.none().withTps(1).withBurst(1));
        CLIENTS.identityStore().listUsers(r -> r.identityStoreId(STORE_ID));
        AccountAssignmentOperationStatus accepted = create(PRODUCTION, readOnly, PrincipalType.USER, ada);
        assertThat(accepted.status()).as("sso-admin draws from its own bucket").isEqualTo(StatusValues.IN_PROGRESS);
        assertThatThrownBy(() -> describeCreation(accepted.requestId())).isInstanceOf(ThrottlingException.class);

        assertThat(server.stats().operations().get("CreateAccountAssignment").errors())
                .containsEntry("InternalServerException", 1L).containsEntry("ConflictException", 1L);
    }

    @Test
    void deletingAUserOrGroupLeavesItsAssignmentsAsOrphansWhoseDeletionThenFails() {
        String grace = userId("grace");
        String finance = groupId("Finance");
        String readOnly = permissionSet("ReadOnly");

        CLIENTS.identityStore().deleteUser(r -> r.identityStoreId(STORE_ID).userId(grace));
        CLIENTS.identityStore().deleteGroup(r -> r.identityStoreId(STORE_ID).groupId(finance));

        assertThat(assignmentsOf(PrincipalType.USER, grace)).as("AWS keeps them: orphans").hasSize(1);
        assertThat(assignmentsOf(PrincipalType.GROUP, finance)).hasSize(1);
        AccountAssignmentOperationStatus deletion = delete(SANDBOX, readOnly, PrincipalType.USER, grace);
        CLOCK.advance(PROVISIONING);
        AccountAssignmentOperationStatus failed = describeDeletion(deletion.requestId());
        assertThat(failed.status()).isEqualTo(StatusValues.FAILED);
        assertThat(failed.failureReason()).contains("USER assignee " + grace + " was not found in directory " + STORE_ID);
        assertThat(assignmentsOf(PrincipalType.USER, grace)).as("the orphan remains").hasSize(1);
    }

    @Test
    void assignmentsAndRequestStatusesSurviveARestartWithTheDataFile(@TempDir Path dir) {
        Path data = dir.resolve("state.json");
        ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
        String done;
        String running;
        String grace;
        String readOnly;
        try (IdentityStoreLocal first = persistentServer(data, clock);
             SsoAdminClient client = EmulatorClients.ssoAdmin(first);
             IdentitystoreClient directory = EmulatorClients.identityStore(first)) {
            grace = userIdIn(directory, "grace");
            readOnly = first.ssoAdmin().permissionSetArnByName("ReadOnly");
            done = createWith(client, first, PRODUCTION, readOnly, grace).requestId();
            clock.advance(PROVISIONING);
            running = createWith(client, first, "444444444444", readOnly, grace).requestId();
        }
        try (IdentityStoreLocal second = persistentServer(data, clock);
             SsoAdminClient client = EmulatorClients.ssoAdmin(second)) {
            String instanceArn = second.instanceArn();
            assertThat(client.describeAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn)
                    .accountAssignmentCreationRequestId(done)).accountAssignmentCreationStatus().status())
                    .isEqualTo(StatusValues.SUCCEEDED);
            assertThat(client.describeAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn)
                    .accountAssignmentCreationRequestId(running)).accountAssignmentCreationStatus().status())
                    .isEqualTo(StatusValues.IN_PROGRESS);
            clock.advance(PROVISIONING);
            assertThat(client.listAccountAssignmentsForPrincipal(r -> r.instanceArn(instanceArn).principalId(grace)
                    .principalType(PrincipalType.USER)).accountAssignments())
                    .extracting(AccountAssignmentForPrincipal::accountId)
                    .containsExactlyInAnyOrder(PRODUCTION, SANDBOX, "444444444444");
            assertThat(client.listAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn))
                    .accountAssignmentsCreationStatus()).extracting(AccountAssignmentOperationStatusMetadata::requestId)
                    .containsExactly(done, running);
        }
    }

    @Test
    void theProvisioningKnobsAreServedUnderLocalProvisioningAndResetRestoresThemAsBuilt() throws Exception {
        IdentityStoreLocal server = IDENTITY_STORE.server();
        JsonNode shown = admin("GET", "/_local/provisioning", null, 200);
        assertThat(shown.get("delayMillis").asLong()).isEqualTo(PROVISIONING.toMillis());
        assertThat(shown.get("failNextDeletions").asInt()).isZero();

        JsonNode changed = admin("POST", "/_local/provisioning", "{\"failNextDeletions\": 2, \"failureReason\": \"Simulated\"}", 200);
        assertThat(changed.get("failNextDeletions").asInt()).isEqualTo(2);
        assertThat(server.provisioning()).isEqualTo(new ProvisioningSettings(PROVISIONING.toMillis(), 0, 2, "Simulated"));

        JsonNode refused = admin("POST", "/_local/provisioning", "{\"delayMillis\": -1}", 400);
        assertThat(refused.get("error").asText()).contains("delayMillis");

        server.reset();
        assertThat(server.provisioning()).isEqualTo(ProvisioningSettings.immediate().withDelay(PROVISIONING));
    }

    // ---- steps

    private static IdentityStoreLocal persistentServer(Path data, ManualClock clock) {
        return IdentityStoreLocal.builder().seed(Path.of("src/test/resources/seed-small.json")).data(data).clock(clock)
                .provisioning(ProvisioningSettings.immediate().withDelay(PROVISIONING)).build().start();
    }

    private static AccountAssignmentOperationStatus createWith(SsoAdminClient client, IdentityStoreLocal server,
                                                               String account, String permissionSetArn, String userId) {
        return client.createAccountAssignment(r -> r.instanceArn(server.instanceArn()).targetId(account)
                .targetType(TargetType.AWS_ACCOUNT).permissionSetArn(permissionSetArn)
                .principalType(PrincipalType.USER).principalId(userId)).accountAssignmentCreationStatus();
    }

    private static AccountAssignmentOperationStatus create(String account, String permissionSetArn, PrincipalType type,
                                                           String principalId) {
        return CLIENTS.ssoAdmin().createAccountAssignment(r -> r.instanceArn(instanceArn()).targetId(account)
                .targetType(TargetType.AWS_ACCOUNT).permissionSetArn(permissionSetArn)
                .principalType(type).principalId(principalId)).accountAssignmentCreationStatus();
    }

    private static AccountAssignmentOperationStatus delete(String account, String permissionSetArn, PrincipalType type,
                                                           String principalId) {
        return CLIENTS.ssoAdmin().deleteAccountAssignment(r -> r.instanceArn(instanceArn()).targetId(account)
                .targetType(TargetType.AWS_ACCOUNT).permissionSetArn(permissionSetArn)
                .principalType(type).principalId(principalId)).accountAssignmentDeletionStatus();
    }

    private static AccountAssignmentOperationStatus describeCreation(String requestId) {
        return CLIENTS.ssoAdmin().describeAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn())
                .accountAssignmentCreationRequestId(requestId)).accountAssignmentCreationStatus();
    }

    private static AccountAssignmentOperationStatus describeDeletion(String requestId) {
        return CLIENTS.ssoAdmin().describeAccountAssignmentDeletionStatus(r -> r.instanceArn(instanceArn())
                .accountAssignmentDeletionRequestId(requestId)).accountAssignmentDeletionStatus();
    }

    private static List<String> creationStatuses(StatusValues status) {
        return CLIENTS.ssoAdmin().listAccountAssignmentCreationStatusPaginator(r -> r.instanceArn(instanceArn())
                        .filter(f -> f.status(status)).maxResults(1)).accountAssignmentsCreationStatus().stream()
                .map(AccountAssignmentOperationStatusMetadata::requestId).toList();
    }

    private static List<AccountAssignmentForPrincipal> assignmentsOf(PrincipalType type, String principalId) {
        return CLIENTS.ssoAdmin().listAccountAssignmentsForPrincipalPaginator(r -> r.instanceArn(instanceArn())
                .principalType(type).principalId(principalId)).accountAssignments().stream().toList();
    }

    private static List<String> provisionedAccounts(String permissionSetArn) {
        return CLIENTS.ssoAdmin().listAccountsForProvisionedPermissionSetPaginator(r -> r.instanceArn(instanceArn())
                .permissionSetArn(permissionSetArn)).accountIds().stream().toList();
    }

    private static void assertValidation(Runnable call, String member) {
        assertThatThrownBy(call::run).isInstanceOf(ValidationException.class)
                .hasMessageContaining("Value at '" + member + "' failed to satisfy constraint");
    }

    private static String instanceArn() {
        return IDENTITY_STORE.server().instanceArn();
    }

    private static String permissionSet(String name) {
        return IDENTITY_STORE.server().ssoAdmin().permissionSetArnByName(name);
    }

    private static String userId(String userName) {
        return userIdIn(CLIENTS.identityStore(), userName);
    }

    private static String userIdIn(IdentitystoreClient client, String userName) {
        return client.getUserId(r -> r.identityStoreId(STORE_ID).alternateIdentifier(a -> a.uniqueAttribute(
                u -> u.attributePath("userName").attributeValue(Document.fromString(userName))))).userId();
    }

    private static String groupId(String displayName) {
        return CLIENTS.identityStore().getGroupId(r -> r.identityStoreId(STORE_ID)
                .alternateIdentifier(a -> a.uniqueAttribute(
                        u -> u.attributePath("displayName").attributeValue(Document.fromString(displayName))))).groupId();
    }

    private static JsonNode admin(String method, String path, String body, int expectedStatus) throws Exception {
        URI uri = IDENTITY_STORE.server().endpoint().resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return new ObjectMapper().readTree(response.body());
    }
}
