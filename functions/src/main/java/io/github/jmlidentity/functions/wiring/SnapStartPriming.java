package io.github.jmlidentity.functions.wiring;

import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.domain.EventKind;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SnapStart priming. With SnapStart, Lambda runs the init phase once, when a version is published, and starts
 * every container from that snapshot: whatever init did is free, and a container's first event pays only for what
 * init left undone (bench/: about 200 ms of class loading, first-request set-up and one GetGroupId per granted
 * group). So when Lambda initialises for a snapshot (AWS_LAMBDA_INITIALIZATION_TYPE=snap-start), init also runs
 * one synthetic joiner, mover, leaver and cancellation as dry runs through the real code path over the same clients: schema
 * validation, a ledger read, a user look-up (not found), planning, the audit record (discarded); then it caches the
 * id of every group the rules can grant. Dry run: no write, no audit line, a few reads once per published version.
 * Anywhere else (on-demand init, tests, the CLI) it does nothing. Best effort: it never fails init.
 */
final class SnapStartPriming {

    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    static final String SNAP_START = "snap-start";
    static final String EMPLOYEE_ID = "snapstart-priming";

    private SnapStartPriming() {
    }

    static boolean applies(Map<String, String> env) {
        return SNAP_START.equals(env.get(INITIALIZATION_TYPE));
    }

    /** Primes through a dry-run twin of {@code wiring} (same directory, ledger, rules and source). */
    static void prime(LifecycleFunctions.Builder wiring) {
        try {
            ProcessHrEvent twin = wiring.dryRunTwin().build();
            for (EventKind kind : EventKind.values()) {
                twin.process(HrEventRequest.envelope(envelope(kind, wiring.source())).expecting(kind));
            }
            for (String group : wiring.rules().allGrantableGroups()) {
                wiring.directory().findGroupId(group);
            }
        } catch (RuntimeException primingFailed) {
            // Best effort: the first event pays for what priming did not do; but say why, or a broken priming (e.g.
            // a missing permission) would only show as slow first events.
            wiring.logError("SnapStart priming (init goes on without it)", primingFailed);
        }
    }

    static byte[] envelope(EventKind kind, String source) {
        String detail = "\"eventId\":\"" + EMPLOYEE_ID + "-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "\","
                + "\"employeeId\":\"" + EMPLOYEE_ID + "\",\"effectiveAt\":\"2000-01-01T00:00:00Z\"";
        if (kind == EventKind.CANCELLED) {
            detail += ",\"cancelsEventId\":\"" + EMPLOYEE_ID + "-left\"";
        } else {
            detail += ",\"userName\":\"" + EMPLOYEE_ID + "\"";
        }
        if (kind == EventKind.JOINED || kind == EventKind.MOVED) {
            detail += ",\"givenName\":\"Snap\",\"familyName\":\"Start\",\"email\":\"" + EMPLOYEE_ID + "@example.com\","
                    + "\"title\":\"Priming\",\"department\":\"Priming\"";
        }
        String json = "{\"version\":\"0\",\"id\":\"00000000-0000-0000-0000-000000000000\",\"detail-type\":\""
                + kind.detailType() + "\",\"source\":\"" + source + "\",\"account\":\"000000000000\","
                + "\"time\":\"2000-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{" + detail + "}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
