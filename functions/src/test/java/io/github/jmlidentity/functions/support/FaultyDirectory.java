package io.github.jmlidentity.functions.support;

import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.domain.AttributeChange;
import io.github.jmlidentity.functions.domain.DirectoryUser;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.UserProfile;
import io.github.jmlidentity.identitycenter.DirectoryFailure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Wraps the functions' directory (the SDK one, against the emulator) to fail one chosen call: the n-th call of an
 * operation is throttled out (a transient DirectoryFailure, as the SDK adapter throws once its retries are spent),
 * or the invocation "dies" right after the n-th call succeeded (an Error nothing catches: no audit line, no lease
 * release, as when Lambda kills a timed-out invocation).
 */
public final class FaultyDirectory implements IdentityDirectory {

    /** The invocation was killed (timeout, out of memory): nothing after this point runs. */
    public static final class InvocationKilled extends Error {
        private static final long serialVersionUID = 1L;

        InvocationKilled(String operation) {
            super("invocation killed after " + operation);
        }
    }

    private final IdentityDirectory delegate;
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, Integer> throttleCall = new HashMap<>();
    private final Map<String, Integer> dieAfterCall = new HashMap<>();
    private final Map<String, Integer> bugCall = new HashMap<>();

    public FaultyDirectory(IdentityDirectory delegate) {
        this.delegate = delegate;
    }

    /** The {@code n}-th call of {@code operation} (a method name of IdentityDirectory) fails with throttling. */
    public synchronized FaultyDirectory throttle(String operation, int n) {
        throttleCall.put(operation, seen.getOrDefault(operation, 0) + n);
        return this;
    }

    /** The invocation dies right after the {@code n}-th call of {@code operation} succeeded. */
    public synchronized FaultyDirectory dieAfter(String operation, int n) {
        dieAfterCall.put(operation, seen.getOrDefault(operation, 0) + n);
        return this;
    }

    /** The {@code n}-th call of {@code operation} hits a bug: a NullPointerException nothing classifies. */
    public synchronized FaultyDirectory bug(String operation, int n) {
        bugCall.put(operation, seen.getOrDefault(operation, 0) + n);
        return this;
    }

    @SuppressWarnings({"unchecked", "null", "DataFlowIssue"})
    private <T> T call(String operation, Supplier<T> request) {
        int n;
        synchronized (this) {
            n = seen.merge(operation, 1, Integer::sum);
        }
        if (Integer.valueOf(n).equals(throttleCall.get(operation))) {
            throw new DirectoryFailure(DirectoryFailure.Kind.THROTTLED, "ThrottlingException",
                    operation + ": ThrottlingException: Rate exceeded (test)", true);
        }
        if (Integer.valueOf(n).equals(bugCall.get(operation))) {
            String missing = null;
            return (T) Integer.valueOf(missing.length()); // a bug, as it would surface: a NullPointerException
        }
        T result = request.get();
        if (Integer.valueOf(n).equals(dieAfterCall.get(operation))) {
            throw new InvocationKilled(operation);
        }
        return result;
    }

    private void run(String operation, Runnable request) {
        call(operation, () -> {
            request.run();
            return null;
        });
    }

    @Override
    public String identityStoreId() {
        return delegate.identityStoreId();
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        return call("findUser", () -> delegate.findUser(userId));
    }

    @Override
    public Optional<DirectoryUser> findUserByUserName(String userName) {
        return call("findUserByUserName", () -> delegate.findUserByUserName(userName));
    }

    @Override
    public Optional<DirectoryUser> findUserByEmail(String email) {
        return call("findUserByEmail", () -> delegate.findUserByEmail(email));
    }

    @Override
    public io.github.jmlidentity.functions.application.port.out.UserScan usersWithEmployeeNumber(String employeeNumber) {
        return call("usersWithEmployeeNumber", () -> delegate.usersWithEmployeeNumber(employeeNumber));
    }

    @Override
    public String createUser(UserProfile profile) {
        return call("createUser", () -> delegate.createUser(profile));
    }

    @Override
    public void updateUser(String userId, List<AttributeChange> changes) {
        run("updateUser", () -> delegate.updateUser(userId, changes));
    }

    @Override
    public void deleteUser(String userId) {
        run("deleteUser", () -> delegate.deleteUser(userId));
    }

    @Override
    public Optional<String> findGroupId(String displayName) {
        return call("findGroupId", () -> delegate.findGroupId(displayName));
    }

    @Override
    public String createGroup(String displayName, String description) {
        return call("createGroup", () -> delegate.createGroup(displayName, description));
    }

    @Override
    public List<Membership> memberships(String userId) {
        return call("memberships", () -> delegate.memberships(userId));
    }

    @Override
    public void addMembership(String groupId, String userId) {
        run("addMembership", () -> delegate.addMembership(groupId, userId));
    }

    @Override
    public void removeMembership(String membershipId) {
        run("removeMembership", () -> delegate.removeMembership(membershipId));
    }
}
