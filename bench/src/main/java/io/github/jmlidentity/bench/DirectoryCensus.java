package io.github.jmlidentity.bench;

import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The final directory after a load benchmark, read straight from the emulator's data (not through API calls): how
 * many users, how many of them twice under one name, and how many without exactly the expected memberships.
 */
record DirectoryCensus(long users, long distinctUserNames, long wrongMemberships) {

    static DirectoryCensus of(IdentityStoreLocal server, int membershipsEach) {
        Set<String> userNames = new HashSet<>();
        long[] users = {0};
        long[] wrongMemberships = {0};
        server.data().read(() -> {
            server.data().users().forEach((id, user) -> {
                users[0]++;
                userNames.add(user.path("UserName").asText().toLowerCase(Locale.ROOT));
                if (server.data().membershipsOfUser(id).size() != membershipsEach) {
                    wrongMemberships[0]++;
                }
            });
            return null;
        });
        return new DirectoryCensus(users[0], userNames.size(), wrongMemberships[0]);
    }

    /** Users beyond one per name, plus users beyond the {@code expected} count. */
    long duplicates(long expected) {
        return users - distinctUserNames + Math.max(0, users - expected);
    }
}
