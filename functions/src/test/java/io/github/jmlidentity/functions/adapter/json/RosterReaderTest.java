package io.github.jmlidentity.functions.adapter.json;

import io.github.jmlidentity.functions.application.port.out.RosterSource;
import io.github.jmlidentity.functions.domain.reconcile.InvalidRosterException;
import io.github.jmlidentity.functions.domain.reconcile.Roster;
import io.github.jmlidentity.functions.domain.reconcile.RosterEmployee;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rosters as HR exports them, each row checked by the event schemas. */
class RosterReaderTest {

    private static final RosterReader READER = new RosterReader(new EventParser());
    private static final String HEADER = "employeeId,userName,givenName,familyName,email";

    @Test
    void csv_with_a_byte_order_mark_quoted_fields_any_column_order_and_a_terminated_row() {
        Roster roster = read("\uFEFFemail,employeeId,userName,givenName,familyName,title,status\n"
                + "jane.doe@example.com,E1001,jane.doe,Jane,Doe,\"Engineer, Platform\",\n"
                + "\n"
                + "bob@example.com,E1002,bob.smith,Bob,Smith,\"Two\nlines\",TERMINATED\n");

        assertThat(roster.employees()).hasSize(2);
        RosterEmployee jane = roster.employees().get(0);
        assertThat(jane.line()).isEqualTo(2);
        assertThat(jane.terminated()).isFalse();
        assertThat(jane.employee().title()).isEqualTo("Engineer, Platform");
        assertThat(jane.employee().department()).as("an empty cell is an absent value").isNull();
        RosterEmployee bob = roster.employees().get(1);
        assertThat(bob.line()).isEqualTo(4);
        assertThat(bob.terminated()).isTrue();
        assertThat(bob.userName()).isEqualTo("bob.smith");
    }

    @Test
    void json_lines_of_the_event_detail_shape() {
        Roster roster = read("{\"eventId\":\"hr-1\",\"effectiveAt\":\"2026-01-01T00:00:00Z\",\"employeeId\":\"E1\","
                + "\"userName\":\"a.b\",\"givenName\":\"A\",\"familyName\":\"B\",\"email\":\"a.b@example.com\"}\n"
                + "\n{\"employeeId\":\"E2\",\"userName\":\"c.d\",\"status\":\"terminated\"}\n");

        assertThat(roster.employees()).extracting(RosterEmployee::employeeId).containsExactly("E1", "E2");
        assertThat(roster.employees().get(1).line()).isEqualTo(3);
        assertThat(roster.employees().get(1).terminated()).isTrue();
        assertThat(roster.takenAt()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    }

    @Test
    void every_bad_row_is_named_by_line_and_field_and_the_whole_roster_is_refused() {
        assertThatThrownBy(() -> read(HEADER + ",status,locale\n"
                + "E1,a.b,A,B,a.b@example.com,,\n"
                + "E2,Administrator,C,D,not-an-email,,xx_123456789\n"
                + "E1,e.f,E,F,e.f@example.com,,\n"
                + "E4,A.B,G,H,g.h@example.com,,\n"
                + "E5,i.j,,J,i.j@example.com,retired,\n"))
                .isInstanceOf(InvalidRosterException.class)
                .hasMessageContaining("line 3, field email: must be an email address")
                .hasMessageContaining("line 3, field userName: 'Administrator' is reserved")
                .hasMessageContaining("line 3, field locale: must be a locale")
                .hasMessageContaining("line 4, field employeeId: 'E1' is also on line 2")
                .hasMessageContaining("line 5, field userName: 'a.b' is also on line 2")
                .hasMessageContaining("line 6, field status: must be active or terminated, was 'retired'")
                .satisfies(e -> assertThat(((InvalidRosterException) e).problems()).hasSize(6));
    }

    @Test
    void a_misspelt_or_missing_column_refuses_the_roster_rather_than_emptying_an_attribute() {
        assertThatThrownBy(() -> read(HEADER + ",departmnet\nE1,a.b,A,B,a.b@example.com,Engineering\n"))
                .hasMessageContaining("line 1, field departmnet: unknown column");
        assertThatThrownBy(() -> read("employeeId,userName,givenName,familyName\nE1,a.b,A,B\n"))
                .hasMessageContaining("line 1, field email: the header must name it");
        assertThatThrownBy(() -> read("{\"employeeId\":\"E1\",\"userName\":\"a\",\"givenName\":\"A\","
                + "\"familyName\":\"B\",\"email\":\"a@example.com\",\"departmnet\":\"X\"}\n"))
                .hasMessageContaining("line 1, field departmnet: unknown field");
        assertThatThrownBy(() -> read(HEADER + "\n"))
                .hasMessageContaining("has no employee");
    }

    private static Roster read(String text) {
        return READER.parse(new RosterSource.Document("hr.csv", text.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-02-01T00:00:00Z")));
    }
}
