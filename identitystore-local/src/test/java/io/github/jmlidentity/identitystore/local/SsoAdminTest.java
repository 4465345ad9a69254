package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;

/** GIVEN a seeded instance, the sso-admin reads serve discovery and the access report. */
class SsoAdminTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension()
            .withSeed(Path.of("src/test/resources/seed-small.json"));
    @RegisterExtension
    static final SdkClientsExtension CLIENTS = new SdkClientsExtension(IDENTITY_STORE);

    @Test
    void listInstancesDiscoversTheSeededIdentityStore() {
        List<InstanceMetadata> instances = CLIENTS.ssoAdmin().listInstances(r -> { }).instances();
        assertThat(instances).singleElement().satisfies(instance -> {
            assertThat(instance.identityStoreId()).isEqualTo("d-9876543210");
            assertThat(instance.instanceArn()).matches("arn:aws:sso:::instance/ssoins-[0-9a-f]{16}");
            assertThat(instance.ownerAccountId()).isEqualTo("111111111111");
        });
        assertThat(IDENTITY_STORE.server().identityStoreId()).isEqualTo("d-9876543210");
    }

    @Test
    void permissionSetsAreListedAndDescribed() {
        String instanceArn = IDENTITY_STORE.server().instanceArn();
        List<String> arns = CLIENTS.ssoAdmin().listPermissionSetsPaginator(r -> r.instanceArn(instanceArn))
                .permissionSets().stream().toList();
        assertThat(arns).hasSize(2);
        List<PermissionSet> described = arns.stream()
                .map(arn -> CLIENTS.ssoAdmin().describePermissionSet(r -> r.instanceArn(instanceArn).permissionSetArn(arn))
                        .permissionSet())
                .toList();
        assertThat(described).extracting(PermissionSet::name).containsExactlyInAnyOrder("ReadOnly", "PowerUser");
        assertThat(described).filteredOn(p -> p.name().equals("ReadOnly")).singleElement()
                .satisfies(p -> assertThat(p.sessionDuration()).isEqualTo("PT8H"));
    }

    @Test
    void assignmentsAreListedPerAccountAndPermissionSetAndPerPrincipal() {
        String instanceArn = IDENTITY_STORE.server().instanceArn();
        String readOnly = IDENTITY_STORE.server().ssoAdmin().permissionSetArnByName("ReadOnly");
        String engineering = groupId("Engineering");

        List<AccountAssignment> production = CLIENTS.ssoAdmin().listAccountAssignments(r -> r.instanceArn(instanceArn)
                .accountId("222222222222").permissionSetArn(readOnly)).accountAssignments();
        assertThat(production).extracting(AccountAssignment::principalId)
                .containsExactlyInAnyOrder(engineering, groupId("Finance"));

        List<AccountAssignmentForPrincipal> forEngineering = CLIENTS.ssoAdmin()
                .listAccountAssignmentsForPrincipalPaginator(r -> r
                        .instanceArn(instanceArn).principalId(engineering).principalType(PrincipalType.GROUP))
                .accountAssignments().stream().toList();
        assertThat(forEngineering).extracting(AccountAssignmentForPrincipal::accountId)
                .containsExactlyInAnyOrder("222222222222", "333333333333");
        assertThat(CLIENTS.ssoAdmin().listAccountAssignmentsForPrincipal(r -> r.instanceArn(instanceArn)
                .principalId(engineering).principalType(PrincipalType.GROUP).filter(f -> f.accountId("333333333333")))
                .accountAssignments())
                .singleElement().satisfies(a -> assertThat(a.permissionSetArn()).endsWith(
                        IDENTITY_STORE.server().ssoAdmin().permissionSetArnByName("PowerUser").substring(
                                IDENTITY_STORE.server().ssoAdmin().permissionSetArnByName("PowerUser").lastIndexOf('/'))));
    }

    @Test
    void anUnknownInstanceIsResourceNotFound() {
        assertThatThrownBy(() -> CLIENTS.ssoAdmin().listPermissionSets(r -> r
                .instanceArn("arn:aws:sso:::instance/ssoins-0000000000000000")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void theSeedsUsersGroupsAndExternalIdsAreServed() {
        var ada = CLIENTS.identityStore().getUserId(r -> r.identityStoreId("d-9876543210")
                .alternateIdentifier(a -> a.externalId(e -> e.issuer("HR").id("E1"))));
        assertThat(CLIENTS.identityStore().describeUser(r -> r.identityStoreId("d-9876543210").userId(ada.userId()))
                .userName()).isEqualTo("ada");
        assertThat(IDENTITY_STORE.server().data().memberships()).hasSize(3);
    }

    private static String groupId(String name) {
        return CLIENTS.identityStore().getGroupId(r -> r.identityStoreId("d-9876543210")
                .alternateIdentifier(a -> a.uniqueAttribute(
                        u -> u.attributePath("displayName").attributeValue(Document.fromString(name))))).groupId();
    }
}
