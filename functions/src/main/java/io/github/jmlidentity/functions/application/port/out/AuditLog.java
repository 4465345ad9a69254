package io.github.jmlidentity.functions.application.port.out;

import io.github.jmlidentity.functions.application.audit.AuditRecord;

/** Where audit records go (one JSON line each on stdout, that is CloudWatch Logs, when deployed). */
@FunctionalInterface
public interface AuditLog {

    void write(AuditRecord record);
}
