package io.github.jmlidentity.cli.demo;

import io.github.jmlidentity.cli.reconcile.ReconcileOutput;
import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.in.ReconcileRequest;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.application.port.in.ReconcileRoster;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.reconcile.AdoptionRule;
import io.github.jmlidentity.functions.domain.reconcile.ReconcileAction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.MemberId;

/**
 * Day one in a real organisation, before the HR story: the directory already holds a user an administrator made by
 * hand (no employeeNumber, so no HR event may touch it); `jml reconcile --adopt --apply` links it to its employee
 * from the HR roster; then the employee's leaver deletes it, as it would for any user jml-identity created.
 */
record DayOneChapter(IdentitystoreClient client, String identityStoreId, ReconcileRoster reconciler,
                     ProcessHrEvent functions, EventRouter router, DirectoryView directory, PrintWriter out) {

    static final String USER = "li.wei";
    static final String EMPLOYEE = "E3001";
    static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> ADOPTED_GROUPS = List.of("jml-all-staff", "jml-engineering", "jml-office-london");
    static final int STEPS = 3;

    /** Runs the three steps; returns how many did what they should. */
    int run(Path roster, Path leaver, Path base) {
        out.printf("%nDay one: jml-identity is installed in a directory that already has users%n");
        int matched = 0;

        step(1, "An administrator made " + USER + " by hand, before jml-identity (no employeeNumber)");
        String groupId = client.getGroupId(r -> r.identityStoreId(identityStoreId).alternateIdentifier(a -> a
                .uniqueAttribute(u -> u.attributePath("displayName").attributeValue(Document.fromString("jml-engineering")))))
                .groupId();
        String userId = client.createUser(r -> r.identityStoreId(identityStoreId).userName(USER).displayName("Li Wei")
                .name(n -> n.givenName("Li").familyName("Wei"))
                .emails(e -> e.value("li.wei@example.com").type("work").primary(true))).userId();
        client.createGroupMembership(r -> r.identityStoreId(identityStoreId).groupId(groupId)
                .memberId(MemberId.fromUserId(userId)));
        matched += check(expectGroups(List.of("jml-engineering")));

        step(2, "jml reconcile --roster " + base.relativize(roster.toAbsolutePath()) + " --adopt --apply --as-of "
                + AS_OF + ": the roster names " + EMPLOYEE + " " + USER);
        ReconcileResult result = reconciler.reconcile(ReconcileRequest.plan(roster.toString()).asOf(AS_OF)
                .applying(true).adopting(AdoptionRule.USER_NAME_AND_EMAIL));
        for (ReconcileResult.Line line : result.lines()) {
            out.printf("      %-9s %s%s | %s%n", line.item().action(), line.item().userName(),
                    line.item().employeeId() == null ? "" : " (" + line.item().employeeId() + ")",
                    ReconcileOutput.details(line.item()) + (line.outcome() == null ? "" : " | " + line.outcome()));
        }
        List<String> mismatches = new ArrayList<>(expectGroups(ADOPTED_GROUPS));
        boolean adopted = result.lines().stream().anyMatch(l -> USER.equals(l.item().userName())
                && l.item().action() == ReconcileAction.ADOPT && l.outcome() != null && !l.failed());
        if (!adopted || result.conflicts() > 0 || result.failures() > 0) {
            mismatches.add("expected " + USER + " ADOPTed with no conflict or failure, got " + result.counts());
        }
        matched += check(mismatches);

        step(3, USER + " leaves: the leaver finds the adopted user by its employee and deletes it");
        byte[] envelope;
        try {
            envelope = Files.readAllBytes(leaver);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read " + leaver, unreadable);
        }
        String function = router.route(envelope).orElse("leaver");
        out.printf("      %s -> rule %s -> %s function%n", base.relativize(leaver.toAbsolutePath()), function, function);
        AuditRecord audit = functions.process(HrEventRequest.envelope(envelope)
                .expecting(EventKind.fromFunctionName(function).orElse(null))).audit();
        out.println("      " + AuditLine.readable(audit));
        mismatches = new ArrayList<>();
        if (!"APPLIED".equals(audit.outcome().name()) || !audit.changes().userDeleted()) {
            mismatches.add("expected APPLIED with the user deleted, got " + audit.outcome());
        }
        if (directory.groupsOf(USER).isPresent()) {
            mismatches.add(USER + " should not exist any more");
        }
        matched += check(mismatches);
        return matched;
    }

    private void step(int number, String title) {
        out.printf("%n[day one %d/%d] %s%n", number, STEPS, title);
    }

    private List<String> expectGroups(List<String> expected) {
        Optional<List<String>> actual = directory.groupsOf(USER);
        if (actual.isEmpty()) {
            return List.of(USER + " should exist with " + expected + " but does not exist");
        }
        return actual.get().equals(expected) ? List.of()
                : List.of(USER + " should be in " + expected + " but is in " + actual.get());
    }

    private int check(List<String> mismatches) {
        if (mismatches.isEmpty()) {
            out.println("      ok");
            out.flush();
            return 1;
        }
        mismatches.forEach(m -> out.println("      MISMATCH: " + m));
        out.flush();
        return 0;
    }
}
