package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.application.audit.AuditRecord;
import io.github.jmlidentity.functions.application.audit.Changes;
import io.github.jmlidentity.functions.application.audit.UserRef;
import io.github.jmlidentity.functions.application.audit.Verdict;
import io.github.jmlidentity.functions.application.audit.Cost;
import io.github.jmlidentity.functions.application.audit.EventIdentity;
import io.github.jmlidentity.functions.application.port.in.HrEventRequest;
import io.github.jmlidentity.functions.application.port.in.HrEventResult;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.out.ApiCallLog;
import io.github.jmlidentity.functions.application.port.out.AuditLog;
import io.github.jmlidentity.functions.application.port.out.EnvelopeParser;
import io.github.jmlidentity.functions.application.port.out.ErrorLog;
import io.github.jmlidentity.functions.application.port.out.FailureQueue;
import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.InvalidEventException;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.identitycenter.DirectoryFailure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The inbound port's implementation: parse (unless the event comes parsed), let effective dating decide whether it
 * applies now (SchedulingGate: a change due later is kept and audited SCHEDULED; a cancellation ends there), route to
 * the service of its kind, audit, and hand a permanent failure to the failure queue. One audit record per event,
 * whatever happens, plus one for each pending change the event cancelled, replaced or scheduled on its behalf.
 */
public final class EventPipeline implements ProcessHrEvent {

    /** Extra lease time beyond the caller's deadline, for clock skew between containers. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    private final EnvelopeParser parser;
    private final Map<EventKind, LifecycleService> services = new EnumMap<>(EventKind.class);
    private final AuditRecords audit;
    private final AuditLog auditLog;
    private final ApiCallLog apiCalls;
    private final FailureQueue failureQueue;
    private final ErrorLog errorLog;
    private final Clock clock;
    private final SchedulingGate scheduling;

    /**
     * @param failureQueue where permanent failures go at once, or null to leave them to the caller
     * @param errorLog     where unexpected failures go with their stack trace
     * @param pendingChanges where changes effective later are kept until due
     */
    public EventPipeline(LifecycleSettings settings, EnvelopeParser parser, AuditLog auditLog, ApiCallLog apiCalls,
                         FailureQueue failureQueue, ErrorLog errorLog, PendingChanges pendingChanges) {
        this.parser = parser;
        this.scheduling = new SchedulingGate(pendingChanges, settings.ledger(), settings.rules(), settings.clock(),
                settings.dryRun());
        this.auditLog = auditLog;
        this.apiCalls = apiCalls;
        this.failureQueue = failureQueue;
        this.errorLog = errorLog;
        this.clock = settings.clock();
        this.audit = new AuditRecords(settings.clock(), settings.directory().identityStoreId(), settings.dryRun(),
                settings.rules());
        services.put(EventKind.JOINED, new JoinerService(settings));
        services.put(EventKind.MOVED, new MoverService(settings));
        services.put(EventKind.LEFT, new LeaverService(settings));
    }


    @Override
    public HrEventResult process(HrEventRequest request) {
        long started = System.nanoTime();
        AuditRecord record;
        List<SchedulingGate.Notice> notices = List.of();
        try (ApiCallLog.Recording calls = apiCalls.start(request.deadline())) {
            HrEvent event = request.event();
            ProcessingResult result;
            try {
                if (event == null) {
                    event = parser.parse(request.envelope(), request.expected());
                } else {
                    var refused = event.kind().refusedBy(request.expected());
                    if (!refused.isEmpty()) {
                        throw new InvalidEventException(refused);
                    }
                }
                SchedulingGate.Admission admission = event.kind() == EventKind.CANCELLED
                        ? scheduling.cancel(event) : scheduling.admit(event, request.envelope());
                notices = admission.notices();
                if (admission.stops()) {
                    result = admission.result();
                } else {
                    result = services.get(event.kind()).handle(event, lease(request.deadline()));
                    try {
                        SchedulingGate.Aftermath after = scheduling.afterHandled(event, admission, result);
                        notices = after.notices();
                        result = result.with(after.scheduling());
                    } catch (RuntimeException failed) {
                        result = scheduleNotUpdated(event, result, failed);
                    }
                }
            } catch (InvalidEventException e) {
                result = ProcessingResult.rejected("INVALID_EVENT", e.reason());
            } catch (ProvisioningRefusedException e) {
                result = new ProcessingResult(e.outcome(), new UserRef(event == null ? null : event.userName(), null),
                        null, Changes.none(), Verdict.failed(e.errorType(), e.getMessage(), false));
            } catch (ConcurrentDeliveryException e) {
                result = ProcessingResult.decided(Outcome.FAILED, UserRef.UNKNOWN,
                        Verdict.failed(ConcurrentDeliveryException.ERROR_TYPE, e.getMessage(), true));
            } catch (DirectoryFailure e) {
                result = ProcessingResult.decided(Outcome.FAILED, UserRef.UNKNOWN,
                        Verdict.failed(e.errorType(), e.getMessage(), e.isTransient()));
            } catch (RuntimeException unexpected) {
                result = ProcessingResult.unexpected(unexpected);
                errorLog.error("processing an HR event", event != null ? EventIdentity.of(event)
                        : parser.identify(request.envelope()), request.requestId(), unexpected);
            }
            EventIdentity identity = event != null ? EventIdentity.of(event) : parser.identify(request.envelope());
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            record = audit.record(identity, result, new Cost(calls.calls(), calls.requestIds(), durationMs),
                    request.requestId(), request.coldStart(), request.source());
            auditLog.write(record);
            if (result.receipt() != null && event != null) {
                published(event, result.receipt(), identity, request.requestId());
            }
        }
        for (SchedulingGate.Notice notice : notices) {
            auditLog.write(audit.notice(notice, request.requestId(), request.coldStart()));
        }
        return handOff(record, request);
    }

    /**
     * The final record is out: the ledger may forget it. When this fails, the record stays in the ledger and a later
     * delivery of the event writes it once more (at least once, never lost); the event itself is done.
     */
    private void published(HrEvent event, PublishReceipt receipt, EventIdentity identity, String requestId) {
        try {
            services.get(event.kind()).published(receipt);
        } catch (RuntimeException markFailed) {
            errorLog.error("marking the final audit record written in the ledger", identity, requestId, markFailed);
        }
    }

    /**
     * The schedule after an applied event. Should it fail (the store unavailable), the event is reported FAILED and
     * retryable, keeping what it changed: its retry is a DUPLICATE that finishes the schedule's part, so that, e.g., the
     * delete after a suspension is never left unscheduled. The final record the ledger keeps is not marked written:
     * that retry writes it.
     */
    private static ProcessingResult scheduleNotUpdated(HrEvent event, ProcessingResult result, RuntimeException failed) {
        String errorType = failed instanceof DirectoryFailure d ? d.errorType()
                : failed instanceof ConcurrentDeliveryException ? ConcurrentDeliveryException.ERROR_TYPE
                : failed.getClass().getSimpleName();
        return new ProcessingResult(Outcome.FAILED, result.user(), result.plan(), result.changes(),
                Verdict.failed(errorType, result.outcome() + ", but the schedule of employee " + event.employeeId()
                        + " could not be updated: " + failed.getMessage(), true), result.attempt(), null);
    }

    /** A delivery holds the employee until the caller's deadline, plus a margin; null for the configured default. */
    private Duration lease(Instant deadline) {
        return deadline == null ? null : Duration.between(clock.instant(), deadline).plus(LEASE_MARGIN);
    }

    /**
     * A permanent failure goes to the failure queue at once, when there is one: retries would only write the same
     * verdict again, or re-run a guarded leaver without the operator's check.
     */
    private HrEventResult handOff(AuditRecord record, HrEventRequest request) {
        if (!record.isFailure() || record.verdict().retryable() || failureQueue == null) {
            return new HrEventResult(record, false, null);
        }
        try {
            failureQueue.send(record, request.envelope());
            return new HrEventResult(record, true, null);
        } catch (RuntimeException sendFailed) {
            return new HrEventResult(record, false, sendFailed);
        }
    }
}
