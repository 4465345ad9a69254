package io.github.jmlidentity.functions.support;

import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.domain.AttributeChange;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.UserAttribute;
import io.github.jmlidentity.functions.domain.UserProfile;
import io.github.jmlidentity.identitycenter.UniquenessConflictException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A test twin of the Identity Store with the behaviour the services rely on, and a count of write calls. */
public final class InMemoryIdentityDirectory implements IdentityDirectory {

    private final Map<String, UserProfile> users = new LinkedHashMap<>();
    private final Map<String, String> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER); // name -> id
    private final Map<String, Membership> memberships = new LinkedHashMap<>();
    private final Map<String, String> membershipUser = new LinkedHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public String identityStoreId() {
        return "d-0000000000";
    }

    public synchronized String givenGroup(String name) {
        return groups.computeIfAbsent(name, n -> "g-" + UUID.randomUUID());
    }

    public synchronized String givenUser(UserProfile profile) {
        String id = "u-" + UUID.randomUUID();
        users.put(id, profile);
        return id;
    }

    public synchronized void givenMembership(String userId, String groupName) {
        addMembership(givenGroup(groupName), userId);
        writes.decrementAndGet();
    }

    public int writeCalls() {
        return writes.get();
    }

    public synchronized List<String> groupNamesOf(String userName) {
        return findUserByUserName(userName).map(u -> memberships(u.userId()).stream().map(Membership::groupName)
                .sorted().toList()).orElse(List.of());
    }

    public synchronized int userCount() {
        return users.size();
    }

    @Override
    public synchronized Optional<DirectoryUser> findUser(String userId) {
        return Optional.ofNullable(users.get(userId)).map(p -> new DirectoryUser(userId, p));
    }

    @Override
    public synchronized Optional<DirectoryUser> findUserByUserName(String userName) {
        return users.entrySet().stream().filter(e -> e.getValue().userName().equalsIgnoreCase(userName))
                .findFirst().map(e -> new DirectoryUser(e.getKey(), e.getValue()));
    }

    @Override
    public synchronized io.github.jmlidentity.functions.application.port.out.UserScan usersWithEmployeeNumber(
            String employeeNumber) {
        List<DirectoryUser> matches = users.entrySet().stream()
                .filter(e -> employeeNumber.equals(e.getValue().employeeNumber()))
                .map(e -> new DirectoryUser(e.getKey(), e.getValue())).toList();
        return new io.github.jmlidentity.functions.application.port.out.UserScan(matches, users.size(),
                Math.max(1, (users.size() + 99) / 100));
    }

    private RuntimeException nextCreateUserFailure;

    /** The next CreateUser fails with {@code failure} (nothing is created). */
    public synchronized void failNextCreateUser(RuntimeException failure) {
        nextCreateUserFailure = failure;
    }

    @Override
    public synchronized String createUser(UserProfile profile) {
        if (nextCreateUserFailure != null) {
            RuntimeException failure = nextCreateUserFailure;
            nextCreateUserFailure = null;
            throw failure;
        }
        writes.incrementAndGet();
        if (findUserByUserName(profile.userName()).isPresent()) {
            throw new UniquenessConflictException("user name " + profile.userName() + " exists", "exists", null);
        }
        return givenUser(profile);
    }

    @Override
    public synchronized void updateUser(String userId, List<AttributeChange> changes) {
        writes.incrementAndGet();
        Map<UserAttribute, String> values = new EnumMap<>(UserAttribute.class);
        values.putAll(users.get(userId).values());
        changes.forEach(c -> values.put(c.attribute(), c.value()));
        users.put(userId, new UserProfile(values));
    }

    @Override
    public synchronized void deleteUser(String userId) {
        writes.incrementAndGet();
        users.remove(userId);
        membershipUser.entrySet().removeIf(e -> {
            if (e.getValue().equals(userId)) {
                memberships.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    @Override
    public synchronized Optional<String> findGroupId(String displayName) {
        return Optional.ofNullable(groups.get(displayName));
    }

    @Override
    public synchronized String createGroup(String displayName, String description) {
        writes.incrementAndGet();
        return givenGroup(displayName);
    }

    @Override
    public synchronized List<Membership> memberships(String userId) {
        List<Membership> result = new ArrayList<>();
        membershipUser.forEach((id, user) -> {
            if (user.equals(userId)) {
                result.add(memberships.get(id));
            }
        });
        return result;
    }

    @Override
    public synchronized void addMembership(String groupId, String userId) {
        writes.incrementAndGet();
        boolean exists = memberships(userId).stream().anyMatch(m -> m.groupId().equals(groupId));
        if (!exists) {
            String name = groups.entrySet().stream().filter(e -> e.getValue().equals(groupId))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            String id = "m-" + UUID.randomUUID();
            memberships.put(id, new Membership(id, groupId, name));
            membershipUser.put(id, userId);
        }
    }

    @Override
    public synchronized void removeMembership(String membershipId) {
        writes.incrementAndGet();
        memberships.remove(membershipId);
        membershipUser.remove(membershipId);
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
