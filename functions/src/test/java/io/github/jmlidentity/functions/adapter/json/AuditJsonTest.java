package io.github.jmlidentity.functions.adapter.json;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.support.SampleAudit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit line auditors query, to the byte: field names, their order, nulls and empty lists written out. */
class AuditJsonTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("an applied mover", SampleAudit.applied(), "{\"recordType\":\"jml.audit\","
                        + "\"time\":\"2026-03-01T10:00:00.123Z\",\"eventId\":\"evt-1\",\"hrEventId\":\"hr-evt-0002\","
                        + "\"detailType\":\"Employee Moved\",\"source\":\"hr-event\",\"employeeId\":\"E1001\",\"userName\":\"jane.doe\","
                        + "\"userId\":\"u-1\",\"identityStoreId\":\"d-1234567890\",\"outcome\":\"APPLIED\",\"dryRun\":false,"
                        + "\"effectiveAt\":\"2026-03-01T09:00:00Z\",\"dueAt\":null,\"attributesChanged\":[\"title\"],"
                        + "\"groupsAdded\":[\"jml-platform\",\"jml-on-call\"],\"groupsRemoved\":[\"jml-engineering\"],"
                        + "\"membershipsBefore\":[],\"pendingCancelled\":[],\"userDeleted\":false,\"assignmentsRemoved\":[],"
                        + "\"apiCalls\":{\"DescribeUser\":1,\"UpdateUser\":1},"
                        + "\"requestIds\":[\"r-1\",\"r-2\"],\"durationMs\":12,\"errorType\":null,\"reason\":null,"
                        + "\"note\":\"employee E1001 was not in the directory: provisioned by the mover\",\"retryable\":false,"
                        + "\"attempt\":2,\"final\":true,\"requestId\":\"0b1c2d3e-aaaa-bbbb-cccc-123456789012\","
                        + "\"coldStart\":true,\"userCreatedByAttempt\":null,\"scopeViolation\":false,\"scopeViolations\":[]}"),
                Arguments.of("a rejected joiner", SampleAudit.rejected(), "{\"recordType\":\"jml.audit\","
                        + "\"time\":\"2026-03-01T10:00:00.123Z\",\"eventId\":\"evt-2\",\"hrEventId\":\"hr-evt-0009\","
                        + "\"detailType\":\"Employee Joined\",\"source\":\"hr-event\",\"employeeId\":\"E1002\",\"userName\":null,\"userId\":null,"
                        + "\"identityStoreId\":\"d-1234567890\",\"outcome\":\"REJECTED\",\"dryRun\":false,"
                        + "\"effectiveAt\":null,\"dueAt\":null,\"attributesChanged\":[],\"groupsAdded\":[],\"groupsRemoved\":[],"
                        + "\"membershipsBefore\":[],\"pendingCancelled\":[],\"userDeleted\":false,\"assignmentsRemoved\":[],"
                        + "\"apiCalls\":{},\"requestIds\":[],\"durationMs\":3,"
                        + "\"errorType\":\"INVALID_EVENT\",\"reason\":\"detail.userName: is required\",\"note\":null,"
                        + "\"retryable\":false,\"attempt\":1,\"final\":true,\"requestId\":null,\"coldStart\":false,"
                        + "\"userCreatedByAttempt\":null,\"scopeViolation\":false,\"scopeViolations\":[]}"),
                Arguments.of("a leaver that removed a direct assignment", SampleAudit.leaver(), "{\"recordType\":\"jml.audit\","
                        + "\"time\":\"2026-03-01T10:00:00.123Z\",\"eventId\":\"evt-3\",\"hrEventId\":\"hr-evt-0003\","
                        + "\"detailType\":\"Employee Left\",\"source\":\"hr-event\",\"employeeId\":\"E1001\",\"userName\":\"jane.doe\","
                        + "\"userId\":\"u-1\",\"identityStoreId\":\"d-1234567890\",\"outcome\":\"APPLIED\",\"dryRun\":false,"
                        + "\"effectiveAt\":\"2026-03-01T09:00:00Z\",\"dueAt\":null,\"attributesChanged\":[],\"groupsAdded\":[],"
                        + "\"groupsRemoved\":[\"jml-all-staff\"],\"membershipsBefore\":[\"jml-all-staff\"],\"pendingCancelled\":[],"
                        + "\"userDeleted\":true,"
                        + "\"assignmentsRemoved\":[{\"accountId\":\"222222222222\",\"permissionSetArn\":"
                        + "\"arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-0123456789abcdef\"}],"
                        + "\"apiCalls\":{\"DeleteAccountAssignment\":1},\"requestIds\":[],\"durationMs\":5,"
                        + "\"errorType\":null,\"reason\":null,\"note\":null,\"retryable\":false,\"attempt\":1,\"final\":true,"
                        + "\"requestId\":null,\"coldStart\":false,\"userCreatedByAttempt\":null,\"scopeViolation\":false,"
                        + "\"scopeViolations\":[]}"),
                Arguments.of("a scheduled leaver that replaced a pending one", SampleAudit.scheduled(),
                        "{\"recordType\":\"jml.audit\",\"time\":\"2026-03-01T10:00:00.123Z\",\"eventId\":\"evt-3\","
                        + "\"hrEventId\":\"hr-evt-0010\",\"detailType\":\"Employee Left\",\"source\":\"hr-event\",\"employeeId\":\"E1001\","
                        + "\"userName\":\"jane.doe\",\"userId\":null,\"identityStoreId\":\"d-1234567890\","
                        + "\"outcome\":\"SCHEDULED\",\"dryRun\":false,\"effectiveAt\":\"2026-03-31T17:00:00Z\","
                        + "\"dueAt\":\"2026-03-31T17:00:00Z\",\"attributesChanged\":[],\"groupsAdded\":[],"
                        + "\"groupsRemoved\":[],\"membershipsBefore\":[],\"pendingCancelled\":[\"hr-evt-0008\"],"
                        + "\"userDeleted\":false,\"assignmentsRemoved\":[],\"apiCalls\":{},\"requestIds\":[],"
                        + "\"durationMs\":4,\"errorType\":null,\"reason\":null,\"note\":\"kept until due\","
                        + "\"retryable\":false,\"attempt\":1,\"final\":false,\"requestId\":null,\"coldStart\":false,"
                        + "\"userCreatedByAttempt\":null,\"scopeViolation\":false,\"scopeViolations\":[]}"));
    }

    @ParameterizedTest(name = "GIVEN {0} WHEN logged THEN the line is exactly the stable format")
    @MethodSource("records")
    void GIVEN_an_audit_record_WHEN_logged_THEN_the_line_is_exactly_the_stable_format(
            String given, AuditRecord record, String line) {
        assertThat(AuditJson.toLine(record)).isEqualTo(line);
    }
}
