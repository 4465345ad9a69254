package io.github.jmlidentity.identitystore.local.ssoadmin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The IAM Identity Center instance in front of the identity store, its permission sets and account assignments.
 * Permission sets and accounts come from a seed; assignments from the seed and from CreateAccountAssignment /
 * DeleteAccountAssignment, whose asynchronous requests {@link #operations()} tracks. ARNs are derived from names so
 * a demo shows the same ARNs every run.
 */
public final class SsoAdminData {
    private final String instanceArn;
    private final String identityStoreId;
    private final String ownerAccountId;
    private final double createdDate;
    private final NavigableMap<String, ObjectNode> permissionSetsByArn = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, AccountAssignment> assignments = new ConcurrentSkipListMap<>();
    private final Map<String, String> accountNames = new ConcurrentSkipListMap<>();
    private final AssignmentOperations operations;

    public SsoAdminData(String identityStoreId, String ownerAccountId, double createdDate) {
        this(identityStoreId, ownerAccountId, createdDate, Clock.systemUTC());
    }

    /** {@code clock} times the asynchronous assignment requests. */
    public SsoAdminData(String identityStoreId, String ownerAccountId, double createdDate, Clock clock) {
        this.operations = new AssignmentOperations(clock, assignments);
        this.identityStoreId = identityStoreId;
        this.ownerAccountId = ownerAccountId;
        this.createdDate = createdDate;
        this.instanceArn = "arn:aws:sso:::instance/ssoins-" + hex("instance:" + identityStoreId);
    }

    public String instanceArn() {
        return instanceArn;
    }

    public String identityStoreId() {
        return identityStoreId;
    }

    public ObjectNode instanceMetadata() {
        return JsonNodeFactory.instance.objectNode()
                .put("InstanceArn", instanceArn)
                .put("IdentityStoreId", identityStoreId)
                .put("OwnerAccountId", ownerAccountId)
                .put("Name", "identitystore-local")
                .put("CreatedDate", createdDate)
                .put("Status", "ACTIVE");
    }

    public void putAccount(String accountId, String name) {
        accountNames.put(accountId, name);
    }

    public Map<String, String> accountNames() {
        return Map.copyOf(accountNames);
    }

    /** Adds (or replaces) a permission set by name and returns its ARN. */
    public String putPermissionSet(String name, String description, String sessionDuration, double created) {
        String arn = "arn:aws:sso:::permissionSet/" + instanceArn.substring(instanceArn.indexOf("ssoins-"))
                + "/ps-" + hex("permission-set:" + name);
        ObjectNode permissionSet = JsonNodeFactory.instance.objectNode()
                .put("Name", name)
                .put("PermissionSetArn", arn);
        if (description != null) {
            permissionSet.put("Description", description);
        }
        permissionSet.put("CreatedDate", created)
                .put("SessionDuration", sessionDuration == null ? "PT1H" : sessionDuration);
        permissionSetsByArn.put(arn, permissionSet);
        return arn;
    }

    public String permissionSetArnByName(String name) {
        return permissionSetsByArn.values().stream()
                .filter(ps -> ps.get("Name").asText().equals(name))
                .map(ps -> ps.get("PermissionSetArn").asText())
                .findFirst().orElse(null);
    }

    public NavigableMap<String, ObjectNode> permissionSets() {
        return permissionSetsByArn;
    }

    public void putAssignment(AccountAssignment assignment) {
        assignments.put(assignment.key(), assignment);
    }

    /** The provisioned assignments, after completing every request that is due on the clock. */
    public NavigableMap<String, AccountAssignment> assignments() {
        operations.settle();
        return assignments;
    }

    public AssignmentOperations operations() {
        return operations;
    }

    private static String hex(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
