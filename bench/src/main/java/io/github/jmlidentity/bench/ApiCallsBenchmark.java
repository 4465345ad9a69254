package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Benchmark 1: Identity Store calls per sample event, counted by the emulator, beside the theoretical minimum of
 * what the event changed. One new container (empty group-id cache) replays joiner, its duplicate, mover, leaver,
 * rehire, then a second joiner in the now warm container. Any operation above its minimum fails the run.
 *
 * <p>Minimum per event: joiner/rehire 1 CreateUser + 1 CreateGroupMembership per group granted; mover 1 DescribeUser
 * (current profile: UpdateUser carries only the changes) + 1 ListGroupMembershipsForMember page + 1 UpdateUser if
 * anything changed + one add/remove per group changed; leaver 1 DescribeUser (protected-user check on the
 * directory's current name) + 1 memberships page (logged before) + 1 ListAccountAssignmentsForPrincipal page (the
 * direct account assignments, when the rules remove them) + 1 DeleteAccountAssignment and 1
 * DescribeAccountAssignmentDeletionStatus per direct assignment (the emulator provisions by the next call) + 1
 * DeleteUser (memberships go with the user); duplicate 0. A group id (GetGroupId) or name (DescribeGroup) is allowed
 * once per container.
 */
public final class ApiCallsBenchmark extends GoalBenchmark {

    /**
     * @param createsUser       whether the user does not exist before the event (the story knows)
     * @param directAssignments permission sets an administrator assigned to the event's user directly, before it
     */
    record Step(String label, String sample, Map<String, String> detail, boolean createsUser,
                List<String> directAssignments) {

        Step(String label, String sample, Map<String, String> detail, boolean createsUser) {
            this(label, sample, detail, createsUser, List.of());
        }
    }

    static final List<Step> STORY = List.of(
            new Step("joiner (new container)", "joiner.json", Map.of(), true),
            new Step("joiner duplicate", "joiner.json", Map.of(), false),
            new Step("mover", "mover.json", Map.of(), false),
            new Step("leaver", "leaver.json", Map.of(), false),
            new Step("rehire", "rehire.json", Map.of(), true),
            new Step("joiner (warm container)", "joiner.json", Map.of("employeeId", "E2002", "userName", "john.roe",
                    "email", "john.roe@example.com", "eventId", "hr-evt-0100"), true),
            new Step("leaver, 2 direct assignments", "leaver.json", Map.of("employeeId", "E2002",
                    "userName", "john.roe", "eventId", "hr-evt-0101"), false, BenchContext.PERMISSION_SETS));

    public ApiCallsBenchmark() {
        super("api-calls", "calls per event ≤ theoretical minimum (hard: exit 1 if exceeded)");
    }

    @Override
    public BenchResult run(BenchContext context) {
        BenchResult result = result();
        IdentityStoreLocal server = context.freshServer();
        Set<String> knownGroups = new HashSet<>();
        List<Map<String, Object>> events = new ArrayList<>();
        try (IdentitystoreClient client = Directories.functionsClient(server);
             SsoAdminClient ssoAdmin = Directories.functionsSsoAdminClient(server)) {
            ProcessHrEvent functions = Functions.warm(server, client, ssoAdmin, context.rules());
            for (Step step : STORY) {
                assignDirectly(server, client, ssoAdmin, step);
                server.resetStats();
                AuditRecord audit = functions.process(HrEventRequest.envelope(
                        new Envelopes(context.sample(step.sample())).with(step.detail()))).audit();
                Map<String, Long> actual = new TreeMap<>(server.stats().callsByOperation());
                Map<String, Long> minimum = minimum(audit, step.createsUser(), knownGroups,
                        context.rules().removesDirectAssignments());
                knownGroups.addAll(audit.changes().groupsAdded());
                knownGroups.addAll(audit.changes().membershipsBefore());
                long actualTotal = CallCounts.total(actual);
                long minimumTotal = CallCounts.total(minimum);
                List<String> over = new ArrayList<>();
                actual.forEach((op, n) -> {
                    if (n > minimum.getOrDefault(op, 0L)) {
                        over.add(op + " " + n + ">" + minimum.getOrDefault(op, 0L));
                    }
                });
                if (!over.isEmpty()) {
                    result.failed(step.label() + " exceeds the minimum: " + over);
                }
                if (!actual.equals(new TreeMap<>(audit.cost().apiCalls()))) {
                    result.failed(step.label() + ": the audit record's apiCalls " + audit.cost().apiCalls()
                            + " differ from the emulator's count " + actual);
                }
                result.row(step.label() + " [" + audit.outcome() + "]", actualTotal + " calls (min " + minimumTotal + ") "
                        + compact(actual));
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("event", step.label());
                event.put("outcome", audit.outcome().name());
                event.put("calls", actual);
                event.put("minimum", minimum);
                event.put("total", actualTotal);
                event.put("minimumTotal", minimumTotal);
                events.add(event);
            }
        }
        result.figure("events", events);
        return result;
    }

    /** An administrator's direct assignments of the step's user, made (and provisioned) before the step. */
    private static void assignDirectly(IdentityStoreLocal server, IdentitystoreClient client, SsoAdminClient ssoAdmin,
                                       Step step) {
        if (step.directAssignments().isEmpty()) {
            return;
        }
        String userName = step.detail().get("userName");
        String userId = client.getUserId(r -> r.identityStoreId(server.identityStoreId()).alternateIdentifier(a -> a
                .uniqueAttribute(u -> u.attributePath("userName").attributeValue(Document.fromString(userName)))))
                .userId();
        for (String permissionSet : step.directAssignments()) {
            ssoAdmin.createAccountAssignment(r -> r.instanceArn(server.instanceArn()).targetType(TargetType.AWS_ACCOUNT)
                    .targetId("222222222222").principalType(PrincipalType.USER).principalId(userId)
                    .permissionSetArn(server.ssoAdmin().permissionSetArnByName(permissionSet)));
        }
    }

    static Map<String, Long> minimum(AuditRecord audit, boolean createsUser, Set<String> knownGroups,
                                     boolean removesDirectAssignments) {
        Map<String, Long> min = new TreeMap<>();
        Changes changes = audit.changes();
        List<String> added = changes.groupsAdded();
        long unknownAdded = added.stream().filter(g -> !knownGroups.contains(g)).count();
        long unknownBefore = changes.membershipsBefore().stream().filter(g -> !knownGroups.contains(g)).count();
        switch (audit.outcome()) {
            case DUPLICATE, STALE, NO_CHANGE, REJECTED -> {
                return min;
            }
            default -> {
            }
        }
        EventKind kind = EventKind.fromDetailType(audit.event().detailType()).orElseThrow();
        if (kind == EventKind.LEFT) {
            put(min, "DescribeUser", 1);
            put(min, "ListGroupMembershipsForMember", 1);
            put(min, "DescribeGroup", unknownBefore);
            put(min, "ListAccountAssignmentsForPrincipal", removesDirectAssignments ? 1 : 0);
            put(min, "DeleteAccountAssignment", changes.assignmentsRemoved().size());
            put(min, "DescribeAccountAssignmentDeletionStatus", changes.assignmentsRemoved().size());
            put(min, changes.userDeleted() ? "DeleteUser" : "DeleteGroupMembership",
                    changes.userDeleted() ? 1 : changes.groupsRemoved().size());
            return min;
        }
        if (createsUser) {
            put(min, "CreateUser", 1);
        } else {
            put(min, "DescribeUser", 1);
            put(min, "ListGroupMembershipsForMember", 1);
            put(min, "DescribeGroup", unknownBefore);
            put(min, "UpdateUser", changes.attributesChanged().isEmpty() ? 0 : 1);
            put(min, "DeleteGroupMembership", changes.groupsRemoved().size());
        }
        put(min, "GetGroupId", unknownAdded);
        put(min, "CreateGroupMembership", added.size());
        return min;
    }

    private static void put(Map<String, Long> map, String op, long n) {
        if (n > 0) {
            map.put(op, n);
        }
    }

    private static String compact(Map<String, Long> calls) {
        StringBuilder s = new StringBuilder();
        calls.forEach((op, n) -> s.append(s.length() == 0 ? "" : ", ").append(op).append(' ').append(n));
        return s.toString();
    }
}
