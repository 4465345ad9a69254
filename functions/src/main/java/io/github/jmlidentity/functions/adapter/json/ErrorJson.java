package io.github.jmlidentity.functions.adapter.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.functions.application.audit.EventIdentity;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * A failure nobody classified, as one JSON line ({@code "recordType":"jml.error"}) with its stack trace: in the
 * function's log next to the audit records, but a record type of its own, so that auditors' queries never see it and
 * an engineer finds the trace by the request id the audit record carries.
 */
public final class ErrorJson {

    public static final String RECORD_TYPE = "jml.error";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorJson() {
    }

    public static String toLine(Instant time, String context, EventIdentity event, String requestId, Throwable failure) {
        ObjectNode n = JSON.createObjectNode();
        n.put("recordType", RECORD_TYPE);
        n.put("time", time.toString());
        n.put("context", context);
        n.put("requestId", requestId);
        n.put("eventId", event == null ? null : event.eventId());
        n.put("hrEventId", event == null ? null : event.hrEventId());
        n.put("employeeId", event == null ? null : event.employeeId());
        n.put("errorType", failure.getClass().getName());
        n.put("message", failure.getMessage());
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        n.put("stackTrace", trace.toString());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error record is always serialisable", e);
        }
    }
}
