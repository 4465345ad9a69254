package io.github.jmlidentity.cli.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.cli.CliRun;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.StatsSnapshot;
import io.github.jmlidentity.identitystore.local.junit.IdentityStoreLocalExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.jmlidentity.cli.CliRun.jml;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed-parity commands against Identity Store Local, asserted on the emulator's state and call counts. */
class DirectoryCommandsTest {
    @RegisterExtension
    static final IdentityStoreLocalExtension IDENTITY_STORE = new IdentityStoreLocalExtension();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The extension's emulator, as it gives it to the test (back to its seed before each test). */
    private final IdentityStoreLocal server;

    DirectoryCommandsTest(IdentityStoreLocal server) {
        this.server = server;
    }

    @Test
    void createUserWithGroupsCreatesTheUserAndItsMembershipsAsTheSampleScriptPrints() {
        assertThat(jml(server, "create-group", "--groupname", "AWS_Data_Science").exitCode()).isZero();
        assertThat(jml(server, "create_group", "--groupname", "AWS_Applied_Scientists").exitCode()).isZero();

        CliRun run = jml(server, "create_user", "--identitystoreid", server.identityStoreId(), "--username", "johndoe",
                "--givenname", "John", "--familyname", "Doe", "--email", "johndoe@example.com",
                "--groupname", "AWS_Data_Science", "--groupname", "AWS_Applied_Scientists");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String userId = server.data().userIdByUserName("johndoe");
        assertThat(run.out()).contains("User:johndoe with UserId:" + userId + " created successfully")
                .contains("User:johndoe added to Group:AWS_Data_Science successfully")
                .contains("User:johndoe added to Group:AWS_Applied_Scientists successfully");
        assertThat(server.data().membershipsOfUser(userId)).hasSize(2);
        assertThat(server.data().users().get(userId).get("Emails").get(0).get("Value").asText()).isEqualTo("johndoe@example.com");
        assertThat(server.data().users().get(userId).get("DisplayName").asText()).isEqualTo("John Doe");
    }

    @Test
    void aMissingGroupFailsCreateUserBeforeAnyWrite() {
        CliRun run = jml(server, "create-user", "--username", "johndoe", "--givenname", "John", "--familyname", "Doe",
                "--groupname", "No_Such_Group");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("jml: Group 'No_Such_Group' not found in identity store "
                + server.identityStoreId() + ": nothing was created");
        assertThat(server.stats().writeCalls()).isZero();
        assertThat(server.data().users()).isEmpty();
    }

    @Test
    void aDuplicateUserSaysItExists() {
        jml(server, "create-user", "--username", "johndoe", "--givenname", "John", "--familyname", "Doe");
        CliRun run = jml(server, "create-user", "--username", "JohnDoe", "--givenname", "John", "--familyname", "Doe");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("jml: User 'JohnDoe' already exists in identity store d-1234567890");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void addAndRemoveUserFromGroupAreIdempotent() {
        jml(server, "create-group", "--groupname", "Team");
        jml(server, "create-user", "--username", "ann", "--givenname", "Ann", "--familyname", "Lee");
        assertThat(jml(server, "adduser_to_group", "--username", "ann", "--groupname", "Team").out())
                .contains("User:ann added to Group:Team successfully");
        assertThat(jml(server, "add-user-to-group", "--username", "ann", "--groupname", "team").out())
                .contains("already a member");
        assertThat(server.data().memberships()).hasSize(1);
        assertThat(jml(server, "remove-user-from-group", "--username", "ann", "--groupname", "Team").out())
                .contains("User:ann removed from Group:Team successfully");
        assertThat(server.data().memberships()).isEmpty();
        CliRun again = jml(server, "remove-user-from-group", "--username", "ann", "--groupname", "Team");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("not a member");
    }

    @Test
    void updateUserChangesTheNamedAttributesInOneCall() {
        jml(server, "create-user", "--username", "ann", "--givenname", "Ann", "--familyname", "Lee", "--email", "ann@example.com");
        server.resetStats();
        CliRun run = jml(server, "update-user", "--username", "ann", "--displayname", "Ann L.",
                "--email", "ann.lee@example.com", "--set", "title=Manager", "--set", "aws:identitystore:enterprise.department=Finance");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(server.stats().calls("UpdateUser")).isEqualTo(1);
        var user = server.data().users().get(server.data().userIdByUserName("ann"));
        assertThat(user.get("DisplayName").asText()).isEqualTo("Ann L.");
        assertThat(user.get("Title").asText()).isEqualTo("Manager");
        assertThat(user.get("Emails").get(0).get("Value").asText()).isEqualTo("ann.lee@example.com");
        assertThat(user.at("/Extensions/aws:identitystore:enterprise/department").asText()).isEqualTo("Finance");

        assertThat(jml(server, "update-user", "--username", "ann", "--unset", "title").exitCode()).isZero();
        assertThat(server.data().users().get(server.data().userIdByUserName("ann")).has("Title")).isFalse();
        CliRun nothing = jml(server, "update-user", "--username", "ann");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("Nothing to change");
    }

    @Test
    void deleteUserRecordsItsMembershipsFirst() {
        jml(server, "create-group", "--groupname", "Team");
        jml(server, "create-user", "--username", "leaver", "--givenname", "L", "--familyname", "Eaver", "--groupname", "Team");
        CliRun run = jml(server, "delete-user", "--username", "leaver");
        assertThat(run.out()).contains("User:leaver was a member of Group:Team")
                .contains("User:leaver deleted successfully (1 group memberships removed)");
        assertThat(server.data().users()).isEmpty();
        assertThat(server.data().memberships()).isEmpty();
        CliRun missing = jml(server, "delete-user", "--username", "leaver");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("jml: User 'leaver' not found in identity store d-1234567890");
    }

    @Test
    void deleteGroupSaysHowManyMembershipsWent() {
        jml(server, "create-group", "--groupname", "Doomed");
        jml(server, "create-user", "--username", "a", "--givenname", "A", "--familyname", "A", "--groupname", "Doomed");
        assertThat(jml(server, "delete-group", "--groupname", "Doomed").out())
                .contains("Group:Doomed deleted successfully (1 memberships removed)");
        assertThat(server.data().groups()).isEmpty();
        assertThat(jml(server, "delete_group", "--groupname", "Doomed").err()).contains("Group 'Doomed' not found");
    }

    @Test
    void listMembersPagesThrough250MembersWithCallsPerPageNotPerMember() {
        jml(server, "create-group", "--groupname", "Big");
        String groupId = server.data().groupIdByDisplayName("Big");
        ManyUsers.create(server, 250, groupId);
        server.resetStats();

        CliRun run = jml(server, "list_members", "--groupname", "Big", "--output", "csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(251).first().isEqualTo("userName,displayName,email,userId");
        assertThat(run.out()).contains("user000,").contains("user249,");
        StatsSnapshot stats = server.stats();
        assertThat(stats.calls("ListGroupMemberships")).isEqualTo(3);
        assertThat(stats.calls("ListUsers")).isEqualTo(3);
        assertThat(stats.calls("DescribeUser")).isZero();
    }

    @Test
    void listMembershipPagesThrough250GroupsAndPrintsJson() throws Exception {
        ManyUsers.create(server, 1, null);
        String userId = server.data().userIdByUserName("user000");
        ManyUsers.groupsFor(server, 250, userId);
        server.resetStats();

        CliRun run = jml(server, "list_membership", "--username", "user000", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = JSON.readTree(run.out());
        assertThat(rows).hasSize(250);
        assertThat(rows.get(0).get("groupName").asText()).isEqualTo("group000");
        assertThat(server.stats().calls("ListGroupMembershipsForMember")).isEqualTo(3);
        assertThat(server.stats().calls("DescribeGroup")).isZero();
    }

    @Test
    void aSmallGroupIsResolvedWithOneDescribePerMember() {
        jml(server, "create-group", "--groupname", "Small");
        jml(server, "create-user", "--username", "solo", "--givenname", "S", "--familyname", "Olo", "--groupname", "Small");
        server.resetStats();
        CliRun run = jml(server, "list-members", "--groupname", "Small");
        assertThat(run.out()).contains("userName").contains("solo");
        assertThat(server.stats().calls("DescribeUser")).isEqualTo(1);
        assertThat(server.stats().calls("ListUsers")).isZero();
    }

    @Test
    void theIdentityStoreIdIsDiscoveredWhenNotGiven() {
        jml(server, "create-group", "--groupname", "Discovered");
        assertThat(server.stats().calls("ListInstances")).isEqualTo(1);
        assertThat(server.data().groupIdByDisplayName("Discovered")).isNotNull();
        server.resetStats();
        jml(server, "create-group", "--groupname", "Given", "--identitystoreid", server.identityStoreId());
        assertThat(server.stats().calls("ListInstances")).isZero();
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        CliRun run = jml(server, "create-user", "--username", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options").contains("--givenname").contains("--familyname");
    }

    @Test
    void anUnknownOutputFormatIsNamed() {
        CliRun run = jml(server, "list-members", "--groupname", "x", "--output", "xml");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("--output must be table, json or csv, got 'xml'");
    }

    @Test
    void anUnreachableEndpointIsOneClearLine() {
        CliRun run = CliRun.jml(List.of("list-members", "--groupname", "x", "--identitystoreid", "d-1234567890",
                "--endpoint-url", "http://127.0.0.1:1"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("jml: Cannot look up group 'x'");
        assertThat(run.err().lines()).hasSize(1);
    }
}
