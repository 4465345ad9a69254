package io.github.jmlidentity.functions.story;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jmlidentity.functions.application.port.in.ReconcileRequest;
import io.github.jmlidentity.functions.application.port.in.ReconcileResult;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.reconcile.ReconcileAction;
import io.github.jmlidentity.functions.support.StoryTest;
import io.github.jmlidentity.functions.support.StoryWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reconcile with the deployed ledger (DynamoDB, in dynalite): the ledger's links are read with a paged Scan, so a
 * user HR events created is still known as the employee's after its employeeNumber was removed by hand.
 */
class ReconcileStoryTest extends StoryTest {

    @TempDir
    Path dir;

    @Test
    void a_user_whose_employee_number_was_removed_by_hand_is_still_a_leaver_through_the_ledger() throws IOException {
        // GIVEN Jane joined by an HR event, then someone removed her employeeNumber in the console
        StoryWorld world = newWorld();
        assertThat(world.deliver("joiner.json").outcome()).isEqualTo("APPLIED");
        String janeId = world.client.getUserId(r -> r.identityStoreId(world.server.identityStoreId())
                .alternateIdentifier(a -> a.uniqueAttribute(u -> u.attributePath("userName")
                        .attributeValue(Document.fromString("jane.doe"))))).userId();
        world.client.updateUser(r -> r.identityStoreId(world.server.identityStoreId()).userId(janeId)
                .operations(AttributeOperation.builder().attributePath("aws:identitystore:enterprise.employeeNumber")
                        .attributeValue(Document.fromNull()).build()));
        world.auditLines.clear();

        // WHEN a roster without her is applied
        Path roster = dir.resolve("hr.csv");
        Files.writeString(roster, "employeeId,userName,givenName,familyName,email\n"
                + "E2001,omar.haddad,Omar,Haddad,omar.haddad@example.com\n");
        ReconcileResult result = world.reconciler.reconcile(ReconcileRequest.plan(roster.toString())
                .asOf(Instant.parse("2026-07-01T00:00:00Z")).applying(true));

        // THEN the ledger named her user, so she left (not UNMANAGED), and Omar joined; one audit record each
        assertThat(result.lines()).extracting(l -> l.item().userName() + " " + l.item().action() + " " + l.outcome())
                .contains("jane.doe LEAVE APPLIED", "omar.haddad JOIN APPLIED");
        assertThat(world.state().user("jane.doe")).isNull();
        List<JsonNode> audit = world.auditJson();
        assertThat(audit).extracting(a -> a.path("employeeId").asText() + " " + a.path("detailType").asText() + " "
                + a.path("source").asText()).containsExactlyInAnyOrder(
                "E1001 Employee Left reconcile", "E2001 Employee Joined reconcile");
        assertThat(world.protectedUserUntouched()).isTrue();

        // AND the protected user, without employeeNumber and roster row, was only listed
        assertThat(result.lines()).filteredOn(l -> l.item().userName().equals(StoryWorld.PROTECTED_USER))
                .singleElement().satisfies(l -> {
                    assertThat(l.item().action()).isEqualTo(ReconcileAction.UNMANAGED);
                    assertThat(l.outcome()).isNull();
                });
        assertThat(result.failures()).isZero();
        assertThat(result.lines()).filteredOn(l -> l.outcome() == Outcome.APPLIED).hasSize(2);
    }
}
