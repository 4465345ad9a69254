package io.github.jmlidentity.functions.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jmlidentity.functions.adapter.in.ChangeCancelledHandler;
import io.github.jmlidentity.functions.adapter.in.EventFailedException;
import io.github.jmlidentity.functions.adapter.in.JoinerHandler;
import io.github.jmlidentity.functions.adapter.in.LeaverHandler;
import io.github.jmlidentity.functions.adapter.in.LifecycleHandler;
import io.github.jmlidentity.functions.adapter.in.MoverHandler;
import io.github.jmlidentity.functions.adapter.json.AuditJson;
import io.github.jmlidentity.functions.application.port.in.ProcessHrEvent;
import io.github.jmlidentity.functions.application.port.in.ReconcileRoster;
import io.github.jmlidentity.functions.application.port.in.ScheduledChanges;
import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;
import io.github.jmlidentity.identitystore.local.junit.ManualClock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The world a story runs in: Identity Store Local (through the real SDK client), a fresh DynamoDB ledger table in
 * dynalite, the shipped access rules, the rules' groups plus an unmanaged group, and a protected break-glass user
 * who belongs to both. Events go through the real Lambda handlers; audit lines are captured.
 */
public final class StoryWorld {

    public static final String UNMANAGED_GROUP = "finance-team";
    public static final String PROTECTED_USER = "breakglass-admin";
    public static final AccessRules SHIPPED_RULES = LifecycleFunctions.accessRules(Fixtures.accessRulesFile());
    private static final Map<URI, IdentitystoreClient> CLIENTS = new ConcurrentHashMap<>();
    private static final Map<URI, SsoAdminClient> SSO_ADMIN_CLIENTS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    public final IdentityStoreLocal server;
    public final IdentitystoreClient client;
    public final String table;
    /** The functions as the handlers get them (the inbound port). */
    public final ProcessHrEvent functions;
    /** A reconcile over the same directory, ledger table, scheduled changes, rules and audit lines. */
    public final ReconcileRoster reconciler;
    /** The scheduled changes, applied through {@link #functions} (the scheduler's port). */
    public final ScheduledChanges scheduled;
    public final List<String> auditLines = Collections.synchronizedList(new ArrayList<>());
    /** The functions' jml.error lines (failures nobody classified, with their stack trace). */
    public final List<String> errorLines = Collections.synchronizedList(new ArrayList<>());
    /** The functions' clock: the system's, which a story can move forward instead of sleeping. */
    public final ManualClock clock = ManualClock.onSystemTime();
    private final java.util.concurrent.atomic.AtomicInteger auditWritesToKill = new java.util.concurrent.atomic.AtomicInteger();
    /** Where the handlers send permanent failures. */
    public final InMemoryFailureQueue failureQueue = new InMemoryFailureQueue();
    /** The functions' directory: the SDK one against the emulator, with a chosen call made to fail. */
    public final FaultyDirectory faults;
    private final Map<String, LifecycleHandler> handlers;
    private final DirectoryState.UserView protectedUserBefore;

    public StoryWorld(IdentityStoreLocal server, Dynalite dynalite, AccessRules rules, boolean dryRun) {
        this(server, dynalite, rules, dryRun, clientFor(server));
    }

    /** A world whose functions use the given client (e.g. one without retries). */
    public StoryWorld(IdentityStoreLocal server, Dynalite dynalite, AccessRules rules, boolean dryRun,
                      IdentitystoreClient functionsClient) {
        this(server, dynalite, rules, dryRun, functionsClient, Duration.ofMinutes(2));
    }

    /** A world whose ledger leases last {@code lease} (short, for stories where an invocation dies holding one). */
    public StoryWorld(IdentityStoreLocal server, Dynalite dynalite, AccessRules rules, boolean dryRun,
                      IdentitystoreClient functionsClient, Duration lease) {
        this(server, dynalite, rules, dryRun, functionsClient, lease, wiring -> { });
    }

    /**
     * A world whose functions are wired as deployed (account assignments through sso-admin in the emulator's
     * instance), then changed by {@code wiring} (e.g. a sleeper that moves the emulator's clock, or {@link #clock}).
     */
    public StoryWorld(IdentityStoreLocal server, Dynalite dynalite, AccessRules rules, boolean dryRun,
                      IdentitystoreClient functionsClient, Duration lease, Consumer<LifecycleFunctions.Builder> wiring) {
        this.server = server;
        this.client = clientFor(server);
        String storeId = server.identityStoreId();
        List<String> groups = new ArrayList<>(rules.allGrantableGroups());
        groups.add(UNMANAGED_GROUP);
        Map<String, String> ids = new java.util.HashMap<>();
        for (String g : groups) {
            ids.put(g, client.createGroup(r -> r.identityStoreId(storeId).displayName(g)).groupId());
        }
        String breakGlass = client.createUser(r -> r.identityStoreId(storeId).userName(PROTECTED_USER)
                .displayName("Break Glass").name(n -> n.givenName("Break").familyName("Glass"))).userId();
        for (String g : List.of("jml-all-staff", UNMANAGED_GROUP)) {
            client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(ids.get(g))
                    .memberId(MemberId.fromUserId(breakGlass)));
        }
        this.protectedUserBefore = state().user(PROTECTED_USER);
        this.table = dynalite.newLedgerTable();
        this.faults = new FaultyDirectory(LifecycleFunctions.identityStore(functionsClient, storeId));
        LifecycleFunctions.Builder builder = LifecycleFunctions.builder()
                .directory(faults)
                .ssoAdmin(ssoAdminClientFor(server), server.instanceArn())
                .failureQueue(failureQueue)
                .lease(lease)
                .ledgerTable(dynalite.client(), table)
                .rules(rules)
                .dryRun(dryRun)
                .directoryListing(LifecycleFunctions.directoryListing(functionsClient, storeId))
                .clock(clock)
                .auditLines(this::writeAuditLine)
                .errorLines(errorLines::add);
        wiring.accept(builder);
        LifecycleFunctions.Functions built = builder.buildFunctions();
        this.functions = built.events();
        this.scheduled = built.scheduled();
        this.reconciler = builder.buildReconciler();
        // The handlers read the same clock: an invocation's deadline is its time plus Lambda's remaining time.
        this.handlers = Map.of("joiner", new JoinerHandler(functions, clock), "mover", new MoverHandler(functions, clock),
                "leaver", new LeaverHandler(functions, clock), "canceller", new ChangeCancelledHandler(functions, clock));
        server.resetStats();
    }

    public StoryWorld(IdentityStoreLocal server, Dynalite dynalite) {
        this(server, dynalite, SHIPPED_RULES, false);
    }

    /** The production client configuration (adaptive retry, call recording) pointed at the emulator. */
    public static IdentitystoreClient clientFor(IdentityStoreLocal server) {
        return CLIENTS.computeIfAbsent(server.endpoint(), endpoint -> LifecycleFunctions.identityStoreClient(
                builder -> builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))));
    }

    /** The functions' sso-admin client configuration pointed at the emulator. */
    public static SsoAdminClient ssoAdminClientFor(IdentityStoreLocal server) {
        return SSO_ADMIN_CLIENTS.computeIfAbsent(server.endpoint(), endpoint -> LifecycleFunctions.ssoAdminClient(
                builder -> builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))));
    }

    /** Delivers an envelope to a function's Lambda handler, as Lambda would; returns its audit record. */
    public Audit deliver(String function, byte[] envelope) {
        return deliver(function, envelope, null);
    }

    /** Delivers an envelope with a Lambda invocation's context (request id, remaining time). */
    public Audit deliver(String function, byte[] envelope, com.amazonaws.services.lambda.runtime.Context context) {
        LifecycleHandler handler = handlers.get(function);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(envelope), out, context);
            return new Audit(json(out.toString(StandardCharsets.UTF_8)), false);
        } catch (EventFailedException failed) {
            // Lambda gets the exception (retry, then the on-failure destination); the record was logged.
            return new Audit(json(AuditJson.toLine(failed.record())), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next audit line is never written: the invocation dies right before it (after the event's ledger commit),
     * as a Lambda killed by its timeout would.
     */
    public void killBeforeNextAuditLine() {
        auditWritesToKill.incrementAndGet();
    }

    private void writeAuditLine(String line) {
        if (auditWritesToKill.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new FaultyDirectory.InvocationKilled("killed before writing its audit line");
        }
        auditLines.add(line);
    }

    /** Lambda's asynchronous retries after a failed invocation, before the on-failure destination. */
    public static final int LAMBDA_ASYNC_RETRIES = 2;

    /**
     * Delivers an envelope as Lambda's asynchronous invocation does: when the handler throws, the event is
     * invoked again, up to {@value #LAMBDA_ASYNC_RETRIES} more times. Returns each attempt's audit record.
     */
    public List<Audit> deliverAsLambda(String function, byte[] envelope) {
        List<Audit> attempts = new ArrayList<>();
        do {
            attempts.add(deliver(function, envelope));
        } while (attempts.get(attempts.size() - 1).threw() && attempts.size() <= LAMBDA_ASYNC_RETRIES);
        return attempts;
    }

    /** Runs the scheduler once, at the clock's time: the audit record of each change it applied. */
    public List<Audit> runDue() {
        List<Audit> applied = new ArrayList<>();
        scheduled.runDue(null, result -> applied.add(new Audit(json(AuditJson.toLine(result.audit())),
                result.isOpenFailure())));
        return applied;
    }

    /** Delivers a sample from events/ to the function its detail-type names. */
    public Audit deliver(String sample) {
        return deliverRouted(Fixtures.event(sample));
    }

    public Audit deliverRouted(byte[] envelope) {
        String function = EventKind.fromDetailType(detailType(envelope)).orElse(EventKind.LEFT).functionName();
        return deliver(function, envelope);
    }

    public DirectoryState state() {
        return DirectoryState.read(client, server.identityStoreId());
    }

    /** The protected user has exactly the attributes and groups it had before the story. */
    public boolean protectedUserUntouched() {
        return protectedUserBefore.equals(state().user(PROTECTED_USER));
    }

    public List<JsonNode> auditJson() {
        synchronized (auditLines) {
            return auditLines.stream().map(StoryWorld::json).toList();
        }
    }

    private static String detailType(byte[] envelope) {
        return json(new String(envelope, StandardCharsets.UTF_8)).path("detail-type").asText();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
