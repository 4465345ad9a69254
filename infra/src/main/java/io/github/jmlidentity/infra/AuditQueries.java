package io.github.jmlidentity.infra;

import java.util.List;

import software.amazon.awscdk.services.logs.CfnQueryDefinition;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.constructs.Construct;

/**
 * Saved CloudWatch Logs Insights queries for auditors over the three functions' log groups, which hold
 * one {@code "recordType":"jml.audit"} JSON record per HR event. Queries cannot take parameters: the
 * placeholders in capitals are replaced in the console before running; the period is the console's time
 * range.
 */
public final class AuditQueries extends Construct {

    public static final String EMPLOYEE_PLACEHOLDER = "EMPLOYEE_ID";
    public static final String GROUP_PLACEHOLDER = "GROUP_NAME";

    private static final String AUDIT_RECORDS = "filter recordType = \"jml.audit\"";
    /**
     * An HR event's final record (issue #11): every record but a DUPLICATE and a FAILED a retry may change. Records
     * written before the field existed have none and count as final.
     */
    private static final String FINAL = "not @message like /\"final\":\\s*false/";

    /**
     * @param folder    query names start with this folder (the console groups queries by "/")
     * @param logGroups the log groups holding audit records
     */
    public record Props(String folder, List<ILogGroup> logGroups) {
    }

    /** A saved query: its display name and text. */
    public record Query(String id, String name, String text) {
    }

    /** The auditors' questions, in one place. */
    public static final List<Query> QUERIES = List.of(
            new Query("EmployeeHistory", "Everything that happened to employee " + EMPLOYEE_PLACEHOLDER,
                    "fields @timestamp, detailType, outcome, attempt, final, userName, userId, userDeleted, reason,"
                            + " eventId, hrEventId, @message\n"
                            + "| " + AUDIT_RECORDS + " and employeeId = \"" + EMPLOYEE_PLACEHOLDER + "\"\n"
                            + "| sort @timestamp asc"),
            // Each leaver once: its final record (a retried or re-delivered event has one final record; were it
            // written twice, by an invocation that died before marking it written, dedup keeps one).
            new Query("Leavers", "All leavers in the selected period",
                    "fields @timestamp, employeeId, userName, userId, outcome, userDeleted, reason, attempt, eventId,"
                            + " hrEventId, @message\n"
                            + "| " + AUDIT_RECORDS + " and detailType = \"Employee Left\" and " + FINAL + "\n"
                            + "| sort @timestamp asc\n"
                            + "| dedup hrEventId"),
            new Query("GroupChanges", "Every change to group " + GROUP_PLACEHOLDER,
                    "fields @timestamp, detailType, employeeId, userName, outcome, attempt, final, eventId, @message\n"
                            // A FAILED record lists the changes its attempt made before it failed (the retry's
                            // record lists the rest); PLANNED (dry run) changed nothing.
                            + "| " + AUDIT_RECORDS + " and outcome in [\"APPLIED\", \"FAILED\"]\n"
                            // added or removed by name (case-insensitive, like the Identity Store), or gone
                            // with a deleted user
                            + "| filter @message like /(?i)\"(groupsAdded|groupsRemoved)\":\\s*\\[[^\\]]*\"" + GROUP_PLACEHOLDER + "\"/"
                            + " or (@message like /\"userDeleted\":\\s*true/"
                            + " and @message like /(?i)\"membershipsBefore\":\\s*\\[[^\\]]*\"" + GROUP_PLACEHOLDER + "\"/)\n"
                            + "| sort @timestamp asc"),
            new Query("RejectedOrFailed", "All rejected or failed events",
                    "fields @timestamp, detailType, employeeId, userName, outcome, errorType, reason, attempt, final,"
                            + " requestId, eventId, hrEventId\n"
                            + "| " + AUDIT_RECORDS + " and outcome in [\"REJECTED\", \"FAILED\"]\n"
                            + "| sort @timestamp desc"),
            new Query("FinalOutcomes", "HR events by final outcome (each counted once)",
                    "fields detailType, outcome, hrEventId\n"
                            + "| " + AUDIT_RECORDS + " and " + FINAL + "\n"
                            + "| stats count_distinct(hrEventId) as hrEvents by detailType, outcome"),
            // Each HR event's last record (a DUPLICATE never changes where it stands) says where it is: SCHEDULED while
            // pending (CANCELLED, or the outcome when due, once not); the oldest due first, so the overdue ones (due
            // before now) lead the list.
            new Query("PendingAndOverdueChanges", "Pending and overdue changes",
                    "fields @timestamp, hrEventId, employeeId, detailType, outcome, dueAt\n"
                            + "| " + AUDIT_RECORDS + " and ispresent(hrEventId) and outcome != \"DUPLICATE\"\n"
                            + "| stats latest(outcome) as lastOutcome, latest(dueAt) as due, latest(employeeId) as employee,"
                            + " latest(detailType) as change, latest(userName) as user by hrEventId\n"
                            + "| filter lastOutcome = \"SCHEDULED\"\n"
                            + "| sort due asc"));

    public AuditQueries(Construct scope, String id, Props props) {
        super(scope, id);
        List<String> logGroupNames = props.logGroups().stream().map(ILogGroup::getLogGroupName).toList();
        for (Query query : QUERIES) {
            CfnQueryDefinition.Builder.create(this, query.id())
                    .name(props.folder() + "/" + query.name())
                    .queryString(query.text())
                    .logGroupNames(logGroupNames)
                    .build();
        }
    }
}
