package io.github.jmlidentity.functions.wiring;

import io.github.jmlidentity.contract.DirectAssignmentPolicy;
import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.adapter.json.AccessRulesLoader;
import io.github.jmlidentity.functions.adapter.json.AuditJson;
import io.github.jmlidentity.functions.adapter.json.ErrorJson;
import io.github.jmlidentity.functions.adapter.json.EventParser;
import io.github.jmlidentity.functions.adapter.out.AwsClients;
import io.github.jmlidentity.functions.adapter.out.DynamoDbEmployeeLedger;
import io.github.jmlidentity.functions.adapter.out.DynamoDbPendingChanges;
import io.github.jmlidentity.functions.adapter.out.FilePendingChanges;
import io.github.jmlidentity.functions.adapter.out.InMemoryPendingChanges;
import io.github.jmlidentity.functions.adapter.out.FileEmployeeLedger;
import io.github.jmlidentity.functions.adapter.out.InMemoryEmployeeLedger;
import io.github.jmlidentity.functions.adapter.out.InvocationScope;
import io.github.jmlidentity.functions.adapter.out.SdkAccountAssignments;
import io.github.jmlidentity.functions.adapter.out.SdkIdentityDirectory;
import io.github.jmlidentity.functions.adapter.out.SqsFailureQueue;
import io.github.jmlidentity.functions.adapter.json.RosterReader;
import io.github.jmlidentity.functions.adapter.out.FileRosterSource;
import io.github.jmlidentity.functions.adapter.out.SdkDirectoryListing;
import io.github.jmlidentity.functions.application.ReconcileService;
import io.github.jmlidentity.functions.application.port.in.ReconcileRoster;
import io.github.jmlidentity.functions.application.port.out.ApiCallLog;
import io.github.jmlidentity.functions.application.port.out.AuditLog;
import io.github.jmlidentity.functions.application.port.out.ErrorLog;
import io.github.jmlidentity.functions.application.port.out.DirectoryListing;
import io.github.jmlidentity.functions.application.port.out.RosterSource;
import io.github.jmlidentity.functions.application.AssignmentRemoval;
import io.github.jmlidentity.functions.application.DueChangeRunner;
import io.github.jmlidentity.functions.application.EventPipeline;
import io.github.jmlidentity.functions.application.LifecycleSettings;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import io.github.jmlidentity.functions.application.port.out.AccountAssignments;
import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.application.port.out.FailureQueue;
import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.application.port.out.Sleeper;
import io.github.jmlidentity.functions.domain.AccessRules;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClientBuilder;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClientBuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The composition root: the one place that builds the functions from configuration (SDK clients, ledger, access
 * rules, event parser, services) and hands out the inbound port, {@link ProcessHrEvent}. The Lambda handlers get
 * theirs from the environment ({@link #fromEnvironment}); `jml invoke`, `jml demo`, the benchmarks and the tests
 * wire theirs with the {@link Builder}, with any directory and ledger (SDK, in memory, file-backed, or their own
 * implementation of the port), so that every driver runs the real code path.
 */
public final class LifecycleFunctions {

    /** Attempts per AWS call (the first and its retries) of the functions' SDK clients. */
    public static final int MAX_SDK_ATTEMPTS = AwsClients.MAX_ATTEMPTS;

    private LifecycleFunctions() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The deployed wiring: Identity Store through the SDK (paced to the container's share of the quota), account
     * assignments through sso-admin (its client built on a leaver's first use), the DynamoDB ledger, the failure queue
     * in SQS, settings from the environment (names in the contract's FunctionEnvironment). When Lambda initialises a
     * SnapStart snapshot, the real code path is primed first.
     */
    public static ProcessHrEvent fromEnvironment(Map<String, String> env) {
        return wiringFromEnvironment(env).build();
    }

    /**
     * The scheduler's wiring: the same as {@link #fromEnvironment}, and the scheduled changes in the ledger table,
     * applied through that inbound port.
     */
    public static ScheduledChanges scheduledChangesFromEnvironment(Map<String, String> env) {
        return wiringFromEnvironment(env).buildFunctions().scheduled();
    }

    private static Builder wiringFromEnvironment(Map<String, String> env) {
        FunctionConfig config = FunctionConfig.fromEnvironment(env);
        Builder wiring = deployed(config)
                .loadSchemasAtInit(true)
                .failureQueue(config.failureQueueUrl() == null ? null
                        : new SqsFailureQueue(AwsClients.sqs(), config.failureQueueUrl()));
        if (SnapStartPriming.applies(env)) {
            SnapStartPriming.prime(wiring);
        }
        return wiring;
    }

    /**
     * What every deployed function is made of (the lifecycle functions, the scheduler, the reconcile): the Identity
     * Store through the SDK, paced to the container's share of the quota (also listed in pages, for a reconcile); the
     * ledger table, which holds the scheduled changes too; account assignments through sso-admin (its client built on
     * a leaver's first use); the rules, dry run and event source of {@code config}.
     */
    static Builder deployed(FunctionConfig config) {
        return builder()
                .identityStore(AwsClients.identityStore(config.identityStoreMaxRps()), config.identityStoreId())
                .ledgerTable(AwsClients.dynamoDb(), config.ledgerTable())
                .accountAssignments(config.ssoInstanceArn() == null ? AccountAssignments.NONE
                        : new SdkAccountAssignments(AwsClients::ssoAdmin, config.ssoInstanceArn()))
                .rules(config.rules())
                .dryRun(config.dryRun())
                .source(config.hrEventSource());
    }

    /**
     * An Identity Store client with the functions' settings (adaptive retry, call recording for the audit record,
     * HTTP client) and the caller's endpoint, region and credentials. The caller closes it.
     */
    public static IdentitystoreClient identityStoreClient(Consumer<? super IdentitystoreClientBuilder> connection) {
        return AwsClients.identityStore(connection);
    }

    /**
     * The same, with an HTTP client that suits {@code endpoint} (null: AWS): against a plain http endpoint such as
     * Identity Store Local it sets up no TLS, which a one-shot `jml invoke` would otherwise pay for at start.
     */
    public static IdentitystoreClient identityStoreClient(java.net.URI endpoint,
                                                          Consumer<? super IdentitystoreClientBuilder> connection) {
        return AwsClients.identityStore(endpoint, connection);
    }

    /**
     * An sso-admin client with the functions' settings (adaptive retry, call recording for the audit record) and the
     * caller's endpoint, region and credentials. The caller closes it.
     */
    public static SsoAdminClient ssoAdminClient(Consumer<? super SsoAdminClientBuilder> connection) {
        return AwsClients.ssoAdmin(connection);
    }

    /** The same, with an HTTP client that suits {@code endpoint} (null: AWS): no TLS set-up for a plain http one. */
    public static SsoAdminClient ssoAdminClient(java.net.URI endpoint, Consumer<? super SsoAdminClientBuilder> connection) {
        return AwsClients.ssoAdmin(endpoint, connection);
    }

    /** The Identity Store as the functions see it, through {@code client}; group ids are cached for its lifetime. */
    public static IdentityDirectory identityStore(IdentitystoreClient client, String identityStoreId) {
        return new SdkIdentityDirectory(client, identityStoreId);
    }

    /** The Identity Store listed in pages through {@code client}, for a reconcile. */
    public static DirectoryListing directoryListing(IdentitystoreClient client, String identityStoreId) {
        return new SdkDirectoryListing(client, identityStoreId);
    }

    /** A ledger in memory, to share between several wirings (containers) of one process, e.g. a benchmark's. */
    public static EmployeeLedger inMemoryLedger() {
        return new InMemoryEmployeeLedger();
    }

    /** Scheduled changes in memory, to share between several wirings of one process, with their ledger. */
    public static PendingChanges inMemoryPendingChanges() {
        return new InMemoryPendingChanges();
    }

    /** What {@link Builder#buildFunctions()} builds: the inbound port, and the scheduled changes applied through it. */
    public record Functions(ProcessHrEvent events, ScheduledChanges scheduled) {
    }

    /** Reads and validates an access rules file; every error names the rule or field. */
    public static AccessRules accessRules(Path file) {
        return AccessRulesLoader.load(file);
    }

    /** What the functions are made of; directory, ledger and rules are required. */
    public static final class Builder {
        private IdentityDirectory directory;
        private EmployeeLedger ledger;
        private PendingChanges pendingChanges;
        private AccessRules rules;
        private boolean dryRun;
        private String source = EventParser.DEFAULT_SOURCE;
        private Consumer<String> auditLines = System.out::println;
        private Clock clock = Clock.systemUTC();
        private Duration lease = Duration.ofMinutes(2);
        private Duration maxLeaseWait = Duration.ofSeconds(20);
        private FailureQueue failureQueue;
        private boolean loadSchemasAtInit;
        private DirectoryListing listing;
        private RosterSource rosters = new FileRosterSource();
        private Consumer<String> errorLines = System.err::println;
        private AccountAssignments accountAssignments;
        private Sleeper sleeper = Sleeper.threadSleep();
        private AssignmentRemoval.Waiting assignmentWaiting = AssignmentRemoval.Waiting.DEFAULT;

        private Builder() {
        }

        /**
         * Load every event schema when the functions are built (a Lambda function's init, so that the first invocation
         * does not pay for it and a SnapStart snapshot keeps it), rather than each on first use (the default: a one-shot
         * `jml invoke joiner` loads the joiner's schema only).
         */
        public Builder loadSchemasAtInit(boolean value) {
            this.loadSchemasAtInit = value;
            return this;
        }

        /** Any implementation of the directory port (e.g. one with no I/O, for benchmarks). */
        public Builder directory(IdentityDirectory value) {
            this.directory = value;
            return this;
        }

        /** The Identity Store through {@code client} (see {@link #identityStoreClient}), also listed in pages for a reconcile. */
        public Builder identityStore(IdentitystoreClient client, String identityStoreId) {
            this.listing = new SdkDirectoryListing(client, identityStoreId);
            return directory(LifecycleFunctions.identityStore(client, identityStoreId));
        }

        /** How a reconcile lists the directory in pages (set by {@link #identityStore}). */
        public Builder directoryListing(DirectoryListing value) {
            this.listing = value;
            return this;
        }

        /** Where a reconcile reads rosters (default: local files). */
        public Builder rosterSource(RosterSource value) {
            this.rosters = value;
            return this;
        }

        /**
         * Any implementation of the account-assignments port. Required when the rules remove a leaver's direct
         * assignments (directAssignments: remove, the default).
         */
        public Builder accountAssignments(AccountAssignments value) {
            this.accountAssignments = value;
            return this;
        }

        /**
         * Account assignments through {@code client} (see {@link #ssoAdminClient}) in the IAM Identity Center
         * instance {@code instanceArn} (e.g. IdentityStoreLocal's {@code instanceArn()}, or from ListInstances).
         */
        public Builder ssoAdmin(SsoAdminClient client, String instanceArn) {
            return accountAssignments(new SdkAccountAssignments(client, instanceArn));
        }

        /**
         * Account assignments through {@code client} in the instance {@code instanceArn} gives on first use (e.g. one
         * discovered with ListInstances by a command line, only when a leaver needs it).
         */
        public Builder ssoAdmin(SsoAdminClient client, Supplier<String> instanceArn) {
            return ssoAdmin(() -> client, instanceArn);
        }

        /**
         * Account assignments through the client {@code client} gives on first use, in the instance
         * {@code instanceArn} gives on first use: a one-shot command whose events need no sso-admin call (a joiner)
         * builds no sso-admin client.
         */
        public Builder ssoAdmin(Supplier<SsoAdminClient> client, Supplier<String> instanceArn) {
            return accountAssignments(new SdkAccountAssignments(client, instanceArn));
        }

        /**
         * How time passes while the functions wait: a leaver between polls of an account-assignment deletion, a
         * delivery for another's lease (tests move a clock instead).
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** How long, and how often, a leaver waits for its account-assignment deletions. */
        public Builder assignmentWaiting(AssignmentRemoval.Waiting value) {
            this.assignmentWaiting = value;
            return this;
        }

        /** Any implementation of the ledger port. */
        public Builder ledger(EmployeeLedger value) {
            this.ledger = value;
            return this;
        }

        /**
         * Any implementation of the scheduled-changes port; by default they are kept with the ledger: in memory, in a
         * file beside the ledger file, or in the ledger table.
         */
        public Builder pendingChanges(PendingChanges value) {
            this.pendingChanges = value;
            return this;
        }

        /** A ledger (and scheduled changes) that live as long as the functions do (one run of the demo, a benchmark). */
        public Builder ledgerInMemory() {
            return ledger(inMemoryLedger()).pendingChanges(inMemoryPendingChanges());
        }

        /** A ledger in a local JSON file, kept between runs (`jml invoke`); scheduled changes in FILE.pending.json. */
        public Builder ledgerFile(Path file) {
            return ledger(new FileEmployeeLedger(file))
                    .pendingChanges(new FilePendingChanges(FilePendingChanges.besideLedger(file)));
        }

        /** Only the scheduled changes kept beside a local ledger file: for reading them, without opening the ledger. */
        public Builder pendingChangesBesideLedgerFile(Path file) {
            return pendingChanges(new FilePendingChanges(FilePendingChanges.besideLedger(file)));
        }

        /** The deployed ledger: a DynamoDB table, through a client with the functions' settings. */
        public Builder ledgerTable(String table) {
            return ledgerTable(AwsClients.dynamoDb(), table);
        }

        /** The ledger table, which also holds the scheduled changes (and their due index). */
        public Builder ledgerTable(DynamoDbClient client, String table) {
            return ledger(new DynamoDbEmployeeLedger(client, table))
                    .pendingChanges(new DynamoDbPendingChanges(client, table));
        }

        public Builder rules(AccessRules value) {
            this.rules = value;
            return this;
        }

        /** @throws io.github.jmlidentity.functions.domain.InvalidAccessRulesException naming every error */
        public Builder rulesFile(Path file) {
            return rules(AccessRulesLoader.load(file));
        }

        /**
         * @param origin what to name the rules by in errors, e.g. ACCESS_RULES
         * @throws io.github.jmlidentity.functions.domain.InvalidAccessRulesException naming every error
         */
        public Builder rulesJson(String json, String origin) {
            return rules(AccessRulesLoader.parse(json, origin));
        }

        /** Compute and audit the plan (outcome PLANNED), write nothing. */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        /** The EventBridge source HR events must carry. */
        public Builder source(String value) {
            this.source = value;
            return this;
        }

        /** Where audit lines (one JSON line per event) go; stdout by default (CloudWatch Logs in Lambda). */
        public Builder auditLines(Consumer<String> value) {
            this.auditLines = value;
            return this;
        }

        /** What time it is: ordering, leases and audit times follow it (a fixed clock processes "as of" an instant). */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** How long a delivery may hold an employee when the caller gives no deadline. */
        public Builder lease(Duration value) {
            this.lease = value;
            return this;
        }

        /** How long a concurrent delivery waits for the lease before failing for a later retry. */
        public Builder maxLeaseWait(Duration value) {
            this.maxLeaseWait = value;
            return this;
        }

        /** Where permanent failures go at once (null: they are left to the caller, e.g. thrown to Lambda). */
        public Builder failureQueue(FailureQueue value) {
            this.failureQueue = value;
            return this;
        }

        /**
         * Where failures nobody classified go, one JSON line each with the stack trace ({@code "recordType":
         * "jml.error"}); stderr by default (CloudWatch Logs in Lambda, next to the audit records).
         */
        public Builder errorLines(Consumer<String> value) {
            this.errorLines = value;
            return this;
        }

        /** SnapStart priming: the same directory, ledger, rules and source, dry run, no audit line, no failure queue. */
        Builder dryRunTwin() {
            return new Builder().loadSchemasAtInit(loadSchemasAtInit).directory(directory).ledger(ledger)
                    .pendingChanges(pendingChanges).rules(rules).source(source).clock(clock)
                    .lease(lease).maxLeaseWait(maxLeaseWait).accountAssignments(accountAssignments).sleeper(sleeper)
                    .assignmentWaiting(assignmentWaiting).dryRun(true).auditLines(line -> { }).errorLines(errorLines);
        }

        /** Writes a failure as a jml.error line where this wiring writes them. */
        void logError(String context, Throwable failure) {
            errorLines.accept(ErrorJson.toLine(clock.instant(), context, null, null, failure));
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

        public ProcessHrEvent build() {
            return buildFunctions().events();
        }

        /** The open scheduled changes in this wiring's store (no directory needed), the earliest due first. */
        public java.util.List<ScheduledChanges.Pending> listPending() {
            return DueChangeRunner.pending(pendingChanges != null ? pendingChanges : inMemoryPendingChanges());
        }

        /** The inbound port, and the scheduled changes applied through it (same directory, ledger, clock, audit). */
        public Functions buildFunctions() {
            LifecycleSettings settings = settings();
            ProcessHrEvent events = new EventPipeline(settings, new EventParser(source, loadSchemasAtInit), auditLog(),
                    invocationScopes(), failureQueue, errorLog(), pendingChanges);
            return new Functions(events, new DueChangeRunner(pendingChanges, events, clock));
        }

        /**
         * The reconcile use case over the same directory, ledger, scheduled changes, rules, clock and audit lines: its
         * changes go through an event pipeline like {@link #build()}'s (no failure queue: a reconcile reports its
         * failures itself, and running it again is its redrive).
         */
        public ReconcileRoster buildReconciler() {
            Objects.requireNonNull(listing, "directoryListing (set by identityStore)");
            LifecycleSettings settings = settings();
            EventParser parser = new EventParser(source, loadSchemasAtInit);
            return new ReconcileService(settings, parser, rosters, new RosterReader(parser), listing, pendingChanges,
                    auditLog(), invocationScopes(), errorLog());
        }

        private LifecycleSettings settings() {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(ledger, "ledger");
            Objects.requireNonNull(rules, "rules");
            if (pendingChanges == null) {
                pendingChanges = inMemoryPendingChanges();
            }
            AccountAssignments assignments = accountAssignments;
            if (assignments == null) {
                if (rules.removesDirectAssignments()) {
                    throw new IllegalStateException("the access rules remove a leaver's direct account assignments ("
                            + DirectAssignmentPolicy.KEY + ": remove, the default): give the functions the account"
                            + " assignments (ssoAdmin(client, instanceArn) or accountAssignments(...)), or set "
                            + DirectAssignmentPolicy.KEY + ": keep");
                }
                assignments = AccountAssignments.NONE;
            }
            return new LifecycleSettings(directory, ledger, rules, clock, dryRun, lease, maxLeaseWait,
                    new AssignmentRemoval(assignments, clock, sleeper, assignmentWaiting), sleeper);
        }

        /** Each invocation's API calls, and its deadline on this wiring's clock. */
        private ApiCallLog invocationScopes() {
            Clock time = clock;
            return deadline -> InvocationScope.open(deadline, time);
        }

        private AuditLog auditLog() {
            Consumer<String> lines = auditLines;
            return record -> lines.accept(AuditJson.toLine(record));
        }

        private ErrorLog errorLog() {
            Consumer<String> errors = errorLines;
            Clock time = clock;
            return (context, event, requestId, failure) -> errors.accept(
                    ErrorJson.toLine(time.instant(), context, event, requestId, failure));
        }
    }
}
