package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.domain.AttributeChange;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.UserProfile;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A directory that answers at once and remembers nothing: joiners through it cost only the project's own work
 * (parse, schema validation, plan, ledger, audit line), with no SDK and no HTTP.
 */
final class NoIoDirectory implements IdentityDirectory {

    private final AtomicLong ids = new AtomicLong();

    @Override
    public String identityStoreId() {
        return "d-1234567890";
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        return Optional.empty();
    }

    @Override
    public Optional<DirectoryUser> findUserByUserName(String userName) {
        return Optional.empty();
    }

    @Override
    public String createUser(UserProfile profile) {
        return "u-" + ids.incrementAndGet();
    }

    @Override
    public void updateUser(String userId, List<AttributeChange> changes) {
    }

    @Override
    public void deleteUser(String userId) {
    }

    @Override
    public Optional<String> findGroupId(String displayName) {
        return Optional.of("g-" + displayName);
    }

    @Override
    public String createGroup(String displayName, String description) {
        return "g-" + displayName;
    }

    @Override
    public List<Membership> memberships(String userId) {
        return List.of();
    }

    @Override
    public void addMembership(String groupId, String userId) {
    }

    @Override
    public void removeMembership(String membershipId) {
    }
}
