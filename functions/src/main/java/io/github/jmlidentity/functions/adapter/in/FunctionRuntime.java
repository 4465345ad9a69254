package io.github.jmlidentity.functions.adapter.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.functions.adapter.out.AwsClients;
import io.github.jmlidentity.functions.adapter.out.DynamoDbEmployeeLedger;
import io.github.jmlidentity.functions.adapter.out.InvocationScope;
import io.github.jmlidentity.functions.adapter.out.SdkIdentityDirectory;
import io.github.jmlidentity.functions.adapter.out.SqsFailureQueue;
import io.github.jmlidentity.functions.application.Changes;
import io.github.jmlidentity.functions.application.JoinerService;
import io.github.jmlidentity.functions.application.LeaverService;
import io.github.jmlidentity.functions.application.LifecycleService;
import io.github.jmlidentity.functions.application.LifecycleSettings;
import io.github.jmlidentity.functions.application.MoverService;
import io.github.jmlidentity.functions.application.ProcessingResult;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.InvalidEventException;
import io.github.jmlidentity.functions.domain.Membership;
import io.github.jmlidentity.functions.domain.Outcome;
import io.github.jmlidentity.functions.domain.Plan;
import io.github.jmlidentity.functions.port.EmployeeLedger;
import io.github.jmlidentity.functions.port.FailureQueue;
import io.github.jmlidentity.functions.port.IdentityDirectory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything an invocation needs, built once per container: parser (schemas loaded), SDK clients, services.
 * The Lambda handlers and `jml invoke` both go through {@link #process}, so local runs are the real code path.
 */
public final class FunctionRuntime {

    /** Extra lease time beyond the invocation's deadline, for clock skew between containers. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventParser parser;
    private final Map<EventKind, LifecycleService> services = new EnumMap<>(EventKind.class);
    private final String identityStoreId;
    private final boolean dryRun;
    private final Consumer<String> auditSink;
    private final Clock clock;
    private final FailureQueue failureQueue;

    private FunctionRuntime(Builder b) {
        this.failureQueue = b.failureQueue;
        this.parser = new EventParser(b.source);
        this.identityStoreId = b.directory.identityStoreId();
        this.dryRun = b.dryRun;
        this.auditSink = b.auditSink;
        this.clock = b.clock;
        LifecycleSettings settings = new LifecycleSettings(b.directory, b.ledger, b.rules, b.clock, b.dryRun,
                b.lease, b.maxLeaseWait);
        services.put(EventKind.JOINED, new JoinerService(settings));
        services.put(EventKind.MOVED, new MoverService(settings));
        services.put(EventKind.LEFT, new LeaverService(settings));
    }

    /** The deployed wiring: Identity Store via the SDK, DynamoDB ledger, settings from the environment. */
    public static FunctionRuntime fromEnvironment(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        Builder wiring = builder()
                .directory(new SdkIdentityDirectory(AwsClients.identityStore(config.identityStoreMaxRps()), config.identityStoreId()))
                .ledger(new DynamoDbEmployeeLedger(AwsClients.dynamoDb(), config.ledgerTable()))
                .rules(config.rules())
                .dryRun(config.dryRun())
                .source(config.hrEventSource())
                .failureQueue(config.failureQueueUrl() == null ? null
                        : new SqsFailureQueue(AwsClients.sqs(), config.failureQueueUrl()));
        if (SnapStartPriming.applies(env)) {
            SnapStartPriming.prime(wiring);
        }
        return wiring.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses, validates and handles one envelope, and writes its audit record (exactly one, whatever happens).
     *
     * @param expected the kind the calling function handles, or null to route by detail-type
     * @param deadline when the invocation ends (Lambda's remaining time), or null for no deadline
     */
    public AuditRecord process(byte[] raw, EventKind expected, Instant deadline) {
        long started = System.nanoTime();
        AuditRecord record;
        try (InvocationScope scope = InvocationScope.open(deadline)) {
            HrEvent event = null;
            ProcessingResult result;
            try {
                event = parser.parse(raw, expected);
                Duration lease = deadline == null ? null
                        : Duration.between(clock.instant(), deadline).plus(LEASE_MARGIN);
                result = services.get(event.kind()).handle(event, lease);
            } catch (InvalidEventException e) {
                result = new ProcessingResult(Outcome.REJECTED, null, null, null, "INVALID_EVENT", e.reason(), null,
                        e, false, null);
            } catch (RuntimeException unexpected) {
                result = new ProcessingResult(Outcome.FAILED, null, null, null, unexpected.getClass().getSimpleName(),
                        String.valueOf(unexpected.getMessage()), null, unexpected, true, null);
            }
            record = event != null ? toRecord(event, result, scope, started) : rejected(raw, result, scope, started);
        }
        auditSink.accept(AuditJson.toLine(record));
        return record;
    }

    public String identityStoreId() {
        return identityStoreId;
    }

    /** Where the Lambda handlers send permanent failures, or null when none is configured. */
    public FailureQueue failureQueue() {
        return failureQueue;
    }

    /**
     * A dry run reports the plan; every other outcome reports what was actually done, step by step, so that a
     * FAILED attempt that created a user or changed groups before it failed says so (its retry reports the rest).
     */
    private AuditRecord toRecord(HrEvent event, ProcessingResult r, InvocationScope scope, long started) {
        Plan plan = r.plan();
        Changes done = r.changes();
        boolean planned = r.outcome() == Outcome.PLANNED && plan != null;
        List<String> attributes = planned ? plan.attributesChanged() : done.attributesChanged();
        List<String> added = planned ? plan.groupsToAdd() : done.groupsAdded();
        List<String> removed = planned ? plan.groupsRemoved() : done.groupsRemoved();
        List<String> before = planned ? plan.membershipsBefore().stream().map(Membership::label).toList()
                : done.membershipsBefore();
        boolean deleted = done.userDeleted();
        return new AuditRecord(clock.instant(), event.eventId(), event.hrEventId(), event.kind().detailType(),
                event.employeeId(), r.userName() != null ? r.userName() : event.userName(), r.userId(),
                identityStoreId, r.outcome(), dryRun, event.effectiveAt(), attributes, added, removed, before, deleted,
                scope.calls(), scope.requestIds(), elapsed(started), r.errorType(), r.reason(), r.note(),
                r.retryable());
    }

    /** An event that could not be parsed: name what can safely be read from it, nothing else. */
    private AuditRecord rejected(byte[] raw, ProcessingResult r, InvocationScope scope, long started) {
        JsonNode root = JSON.missingNode();
        if (raw.length <= EventParser.MAX_EVENT_BYTES) {
            try {
                JsonNode parsed = JSON.readTree(raw);
                root = parsed == null ? root : parsed;
            } catch (java.io.IOException | RuntimeException unreadable) {
                // The reason already says the JSON is invalid.
            }
        }
        JsonNode detail = root.path("detail");
        return new AuditRecord(clock.instant(), safe(root.path("id")), safe(detail.path("eventId")),
                safe(root.path("detail-type")), safe(detail.path("employeeId")), safe(detail.path("userName")), null,
                identityStoreId, r.outcome(), dryRun, null, List.of(), List.of(), List.of(), List.of(), false,
                scope.calls(), scope.requestIds(), elapsed(started), r.errorType(), r.reason(), null, r.retryable());
    }

    /** Short strings only: a malformed event's oversized or non-text values do not reach the log. */
    private static String safe(JsonNode node) {
        return node.isTextual() && node.asText().length() <= 128 ? node.asText() : null;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Wiring for tests and the CLI: any directory and ledger (SDK, in-memory, file-backed). */
    public static final class Builder {
        private IdentityDirectory directory;
        private EmployeeLedger ledger;
        private AccessRules rules;
        private boolean dryRun;
        private String source = EventParser.DEFAULT_SOURCE;
        private Consumer<String> auditSink = System.out::println;
        private Clock clock = Clock.systemUTC();
        private Duration lease = Duration.ofMinutes(2);
        private Duration maxLeaseWait = Duration.ofSeconds(20);
        private FailureQueue failureQueue;

        /** Where the Lambda handlers send permanent failures (null: they throw them to Lambda instead). */
        public Builder failureQueue(FailureQueue value) {
            this.failureQueue = value;
            return this;
        }

        public Builder directory(IdentityDirectory value) {
            this.directory = value;
            return this;
        }

        public Builder ledger(EmployeeLedger value) {
            this.ledger = value;
            return this;
        }

        public Builder rules(AccessRules value) {
            this.rules = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        public Builder source(String value) {
            this.source = value;
            return this;
        }

        /** Where audit lines go; stdout by default (CloudWatch Logs in Lambda). */
        public Builder auditSink(Consumer<String> value) {
            this.auditSink = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder lease(Duration value) {
            this.lease = value;
            return this;
        }

        public Builder maxLeaseWait(Duration value) {
            this.maxLeaseWait = value;
            return this;
        }

        /** SnapStart priming: the same directory, ledger, rules and source, dry run, no audit line, no failure queue. */
        Builder dryRunTwin() {
            Builder twin = new Builder().directory(directory).ledger(ledger).rules(rules).source(source).clock(clock)
                    .lease(lease).maxLeaseWait(maxLeaseWait).dryRun(true);
            twin.auditSink = line -> { };
            return twin;
        }

        IdentityDirectory directory() {
            return directory;
        }

        AccessRules rules() {
            return rules;
        }

        String source() {
            return source;
        }

        public FunctionRuntime build() {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(ledger, "ledger");
            Objects.requireNonNull(rules, "rules");
            return new FunctionRuntime(this);
        }
    }
}
