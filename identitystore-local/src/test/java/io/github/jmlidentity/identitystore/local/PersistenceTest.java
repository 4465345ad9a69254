package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.MemberId;

/**
 * --data: state survives a restart, a stopped server (SIGTERM) folds its journal into the data file, and a killed
 * one (SIGKILL) loses no write it acknowledged.
 */
class PersistenceTest {
    private static final String STORE = IdentityStoreLocal.DEFAULT_IDENTITY_STORE_ID;

    @Test
    void stateWrittenOnCloseIsLoadedOnTheNextStart(@TempDir Path dir) {
        Path data = dir.resolve("state.json");
        String userId;
        String groupId;
        try (IdentityStoreLocal first = IdentityStoreLocal.builder().data(data).build().start();
             IdentitystoreClient client = EmulatorClients.identityStore(first)) {
            DirectoryFixtures given = new DirectoryFixtures(client, first.identityStoreId());
            userId = given.user("persisted");
            groupId = given.group("Persisted Group");
            given.membership(groupId, userId);
        }
        assertThat(data).exists();
        try (IdentityStoreLocal second = IdentityStoreLocal.builder().data(data).build().start();
             IdentitystoreClient client = EmulatorClients.identityStore(second)) {
            String storeId = second.identityStoreId();
            assertThat(client.describeUser(r -> r.identityStoreId(storeId).userId(userId)).userName()).isEqualTo("persisted");
            assertThat(client.listGroupMembershipsForMember(r -> r.identityStoreId(storeId)
                    .memberId(MemberId.fromUserId(userId))).groupMemberships())
                    .singleElement().satisfies(m -> assertThat(m.groupId()).isEqualTo(groupId));
            assertThat(new DirectoryFixtures(client, storeId).user("another")).isNotBlank();
        }
    }

    @Test
    void sigtermOnTheStandaloneServerFoldsTheJournalIntoTheDataFile(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("state.json");
        try (StandaloneServer server = StandaloneServer.start("--port", "0", "--data", data.toString())) {
            try (IdentitystoreClient client = EmulatorClients.identityStore(server.endpoint())) {
                new DirectoryFixtures(client, STORE).user("survivor");
            }
            assertThat(Files.readString(journal(data))).as("journaled before it was acknowledged").contains("survivor");
            assertThat(Files.readString(data)).doesNotContain("survivor");

            server.terminate();
        }
        assertThat(Files.readString(data)).as("the shutdown hook saved").contains("\"survivor\"");
        assertThat(Files.size(journal(data))).as("and emptied the journal").isZero();
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("state.json");
        List<String> kept = new ArrayList<>();
        String groupId;
        String deletedGroup;
        String movedUser;
        try (StandaloneServer server = StandaloneServer.start("--port", "0", "--data", data.toString())) {
            try (IdentitystoreClient client = EmulatorClients.identityStore(server.endpoint())) {
                DirectoryFixtures given = new DirectoryFixtures(client, STORE);
                groupId = given.group("Kept Group");
                deletedGroup = given.group("Deleted Group");
                for (int i = 0; i < 60; i++) {
                    String userId = given.user(String.format("user%02d", i));
                    if (i % 10 == 0) {
                        client.deleteUser(r -> r.identityStoreId(STORE).userId(userId));
                    } else {
                        kept.add(userId);
                    }
                }
                kept.subList(0, 20).forEach(userId -> given.membership(groupId, userId));
                kept.subList(0, 5).forEach(userId -> given.membership(deletedGroup, userId));
                client.deleteGroup(r -> r.identityStoreId(STORE).groupId(deletedGroup));
                movedUser = kept.get(0);
                client.updateUser(r -> r.identityStoreId(STORE).userId(movedUser).operations(AttributeOperation.builder()
                        .attributePath("title").attributeValue(Document.fromString("Moved")).build()));
            }
            server.kill();
        }
        // A line the crash cut short was never acknowledged: it is ignored.
        Files.writeString(journal(data), "{\"store\":\"" + STORE + "\",\"kind\":\"USER\",\"id\":\"12",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

        try (IdentityStoreLocal restarted = IdentityStoreLocal.builder().data(data).build().start()) {
            assertThat(restarted.data().users().keySet()).containsExactlyInAnyOrderElementsOf(kept);
            assertThat(restarted.data().users().get(movedUser).get("Title").asText()).isEqualTo("Moved");
            assertThat(restarted.data().groups().keySet()).containsExactly(groupId);
            assertThat(restarted.data().membershipsOfGroup(groupId)).hasSize(20);
            assertThat(restarted.data().memberships()).hasSize(20);
        }
        assertThat(Files.size(journal(data))).as("folded into the data file at start").isZero();
    }

    @Test
    void aResetIsSavedAndLaterWritesAreStillJournaled(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("state.json");
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().data(data).build().start();
             IdentitystoreClient client = EmulatorClients.identityStore(server)) {
            DirectoryFixtures given = new DirectoryFixtures(client, server.identityStoreId());
            given.user("before.reset");
            server.reset();
            assertThat(Files.readString(data)).doesNotContain("before.reset");
            assertThat(Files.size(journal(data))).isZero();
            given.user("after.reset");
            assertThat(Files.readString(journal(data))).contains("after.reset");
        }
    }

    @Test
    void leftoverTemporaryFilesOfACrashedSaveAreRemovedAtStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("state.json");
        Path leftover = dir.resolve("state.json4471298.tmp");
        Path unrelated = dir.resolve("other.tmp");
        Files.writeString(leftover, "{\"half\": ");
        Files.writeString(unrelated, "not ours");
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().data(data).build().start()) {
            assertThat(leftover).doesNotExist();
            assertThat(unrelated).exists();
            assertThat(data).exists();
        }
    }

    @Test
    void anUnwritableDataPathFailsAtStartNamingTheOption(@TempDir Path dir) throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path data = notADirectory.resolve("state.json");
        assertThatThrownBy(() -> IdentityStoreLocal.builder().data(data).build().start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--data " + data + ": cannot write there");
    }

    @Test
    void aCorruptJournalLineIsNamed(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("state.json");
        IdentityStoreLocal.builder().data(data).build().start().close();
        Files.writeString(journal(data), "{\"store\":\"" + STORE + "\",\"kind\":\"GROUP\",\"id\":\"x\"}\nnot json\n{}\n");
        assertThatThrownBy(() -> IdentityStoreLocal.builder().data(data).build().start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--data " + data).hasMessageContaining("line 2 is not valid JSON");
    }

    private static Path journal(Path data) {
        return data.resolveSibling(data.getFileName() + ".journal");
    }
}
