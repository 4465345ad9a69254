package io.github.jmlidentity.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The group-change query selects audit lines with regular expressions over the raw record; checked here
 * against audit lines shaped as the functions contract writes them (Java's regex dialect is close enough
 * to Logs Insights' for these patterns: classes, alternation, (?i)).
 */
class AuditQueriesTest {

    private static final String MOVER_ADDS = "{\"recordType\":\"jml.audit\",\"detailType\":\"Employee Moved\","
            + "\"employeeId\":\"E1001\",\"outcome\":\"APPLIED\",\"attributesChanged\":[\"title\"],"
            + "\"groupsAdded\":[\"jml-platform\",\"jml-engineering\"],\"groupsRemoved\":[],\"membershipsBefore\":[],"
            + "\"userDeleted\":false}";
    private static final String MOVER_ADDS_SIMILAR_NAME = MOVER_ADDS.replace("\"jml-engineering\"", "\"jml-engineering-leads\"");
    private static final String DELETED_LEAVER = "{\"recordType\":\"jml.audit\",\"detailType\":\"Employee Left\","
            + "\"employeeId\":\"E1001\",\"outcome\":\"APPLIED\",\"groupsAdded\":[],\"groupsRemoved\":[],"
            + "\"membershipsBefore\":[\"jml-all-staff\",\"JML-Engineering\"],\"userDeleted\":true}";
    private static final String SUSPENDED_LEAVER_KEEPS_GROUP = DELETED_LEAVER.replace("\"userDeleted\":true", "\"userDeleted\":false");

    @Test
    void every_query_reads_only_audit_records() {
        assertThat(AuditQueries.QUERIES).hasSize(6)
                .allSatisfy(q -> assertThat(q.text()).contains("filter recordType = \"jml.audit\""));
    }

    @Test
    void the_final_record_filter_keeps_final_and_older_records_and_drops_duplicates_and_open_failures() {
        // issue #11 item 10: auditors count each HR event once
        Pattern notFinal = Pattern.compile("\"final\":\\s*false");
        assertThat(AuditQueries.QUERIES.stream().filter(q -> q.id().equals("FinalOutcomes")).findFirst().orElseThrow()
                .text()).contains("not @message like /\"final\":\\s*false/", "count_distinct(hrEventId)");
        assertThat(notFinal.matcher(MOVER_ADDS.replace("}", ",\"final\":true}")).find()).isFalse();
        assertThat(notFinal.matcher(MOVER_ADDS).find()).as("written before the field existed").isFalse();
        assertThat(notFinal.matcher(MOVER_ADDS.replace("}", ",\"final\":false}")).find()).isTrue();
    }

    @Test
    void group_query_finds_additions_removals_and_deletions_of_exactly_that_group() {
        assertThat(matchesGroupQuery(MOVER_ADDS, "jml-engineering")).isTrue();
        assertThat(matchesGroupQuery(MOVER_ADDS, "jml-platform")).isTrue();
        assertThat(matchesGroupQuery(MOVER_ADDS.replace("\"groupsAdded\":[\"jml-platform\",\"jml-engineering\"]",
                "\"groupsAdded\":[],\"groupsRemoved\":[\"jml-engineering\"]"), "jml-engineering")).isTrue();
        assertThat(matchesGroupQuery(DELETED_LEAVER, "jml-engineering")).as("case-insensitive, as group names are").isTrue();

        assertThat(matchesGroupQuery(MOVER_ADDS_SIMILAR_NAME, "jml-engineering")).as("a longer group name").isFalse();
        assertThat(matchesGroupQuery(MOVER_ADDS, "jml-finance")).isFalse();
        assertThat(matchesGroupQuery(SUSPENDED_LEAVER_KEEPS_GROUP, "jml-engineering"))
                .as("a kept membership listed before a suspension is not a change").isFalse();
    }

    @Test
    void group_query_includes_the_changes_of_a_failed_attempt_but_not_a_dry_run() {
        String failedJoiner = "{\"recordType\":\"jml.audit\",\"detailType\":\"Employee Joined\","
                + "\"employeeId\":\"E1001\",\"outcome\":\"FAILED\",\"groupsAdded\":[\"jml-all-staff\"],"
                + "\"groupsRemoved\":[],\"membershipsBefore\":[],\"userDeleted\":false,\"errorType\":\"ThrottlingException\"}";

        assertThat(matchesGroupQuery(failedJoiner, "jml-all-staff")).isTrue();
        assertThat(matchesGroupQuery(failedJoiner.replace("FAILED", "PLANNED"), "jml-all-staff")).isFalse();
        assertThat(matchesGroupQuery(failedJoiner.replace("FAILED", "REJECTED"), "jml-all-staff")).isFalse();
    }

    /**
     * Evaluates the query's outcome filter ({@code outcome in [...]}) and its `@message like /…/` clauses as the
     * query combines them: outcome and (A or (B and C)).
     */
    private static boolean matchesGroupQuery(String auditLine, String group) {
        AuditQueries.Query query = AuditQueries.QUERIES.stream().filter(q -> q.id().equals("GroupChanges")).findFirst().orElseThrow();
        String text = query.text().replace(AuditQueries.GROUP_PLACEHOLDER, Pattern.quote(group));
        Matcher outcomes = Pattern.compile("outcome in \\[([^\\]]*)\\]").matcher(text);
        assertThat(outcomes.find()).as("the query filters on outcome").isTrue();
        Matcher outcome = Pattern.compile("\"outcome\":(\"[A-Z_]+\")").matcher(auditLine);
        assertThat(outcome.find()).isTrue();
        if (!List.of(outcomes.group(1).split(",\\s*")).contains(outcome.group(1))) {
            return false;
        }
        List<Pattern> clauses = new ArrayList<>();
        Matcher like = Pattern.compile("@message like /(.*?)/(?=\\)| or| and|\\n)").matcher(text);
        while (like.find()) {
            clauses.add(Pattern.compile(like.group(1)));
        }
        assertThat(clauses).hasSize(3);
        boolean a = clauses.get(0).matcher(auditLine).find();
        boolean b = clauses.get(1).matcher(auditLine).find();
        boolean c = clauses.get(2).matcher(auditLine).find();
        return a || (b && c);
    }
}
