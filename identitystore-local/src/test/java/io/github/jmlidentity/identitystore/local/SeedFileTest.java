package io.github.jmlidentity.identitystore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeds obey the API's rules, and a bad entry is named. */
class SeedFileTest {

    @Test
    void theProjectsDemoSeedLoads() {
        try (IdentityStoreLocal server = IdentityStoreLocal.builder().seed(Path.of("../config/local-seed.json")).build().start()) {
            assertThat(server.data().groups()).hasSizeGreaterThanOrEqualTo(9);
            assertThat(server.data().userIdByUserName("breakglass-admin")).isNotNull();
            assertThat(server.ssoAdmin().assignments()).isNotEmpty();
        }
    }

    @Test
    void aSeedUserThatBreaksARuleIsNamedWithItsPosition(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("bad.json");
        Files.writeString(seed, """
                {"users": [{"userName": "fine", "givenName": "A", "familyName": "B"},
                           {"userName": "Administrator", "givenName": "A", "familyName": "B"}]}
                """);
        IdentityStoreLocal server = IdentityStoreLocal.builder().seed(seed).build();
        assertThatThrownBy(server::start)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("users[1]").hasMessageContaining("userName").hasMessageContaining("reserved");
    }

    @Test
    void aSeedMembershipOfAnUnknownGroupIsNamed(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("bad.json");
        Files.writeString(seed, """
                {"users": [{"userName": "fine", "givenName": "A", "familyName": "B", "groups": ["Nope"]}]}
                """);
        assertThatThrownBy(() -> IdentityStoreLocal.builder().seed(seed).build().start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("users[0].groups").hasMessageContaining("Nope");
    }
}
