package io.github.jmlidentity.identitystore.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import io.github.jmlidentity.identitystore.local.faults.FaultInjector;
import io.github.jmlidentity.identitystore.local.http.AdminHttpHandler;
import io.github.jmlidentity.identitystore.local.http.ApiHttpHandler;
import io.github.jmlidentity.identitystore.local.http.CallCounters;
import io.github.jmlidentity.identitystore.local.http.LocalAdmin;
import io.github.jmlidentity.identitystore.local.http.RequestGuard;
import io.github.jmlidentity.identitystore.local.identitystore.IdentityStoreApi;
import io.github.jmlidentity.identitystore.local.persistence.DurableWrites;
import io.github.jmlidentity.identitystore.local.persistence.PersistentState;
import io.github.jmlidentity.identitystore.local.persistence.Seed;
import io.github.jmlidentity.identitystore.local.ssoadmin.ProvisioningControls;
import io.github.jmlidentity.identitystore.local.ssoadmin.ProvisioningSettings;
import io.github.jmlidentity.identitystore.local.ssoadmin.SsoAdminApi;
import io.github.jmlidentity.identitystore.local.ssoadmin.SsoAdminData;
import io.github.jmlidentity.identitystore.local.store.ChangeListener;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Identity Store Local: an emulator of the AWS IAM Identity Center Identity Store API (and the sso-admin operations
 * the project needs), served over HTTP to the real AWS SDKs and CLI, in process or standalone.
 *
 * <pre>
 * try (IdentityStoreLocal server = IdentityStoreLocal.builder().port(0).build().start()) {
 *     IdentitystoreClient client = IdentitystoreClient.builder().endpointOverride(server.endpoint())...build();
 * }
 * </pre>
 */
public final class IdentityStoreLocal implements AutoCloseable {
    public static final String DEFAULT_IDENTITY_STORE_ID = "d-1234567890";
    public static final String DEFAULT_OWNER_ACCOUNT_ID = "111111111111";

    static {
        // The JDK server leaves Nagle's algorithm on: with delayed ACKs every small response waits ~40 ms.
        // Read once when the JDK's server configuration loads, so set it before any HttpServer exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Stores stores;
    private final FaultInjector faults = new FaultInjector();
    /** sso-admin's quota is its own: the same fault settings, drawn from a separate bucket. */
    private final FaultInjector ssoAdminFaults = new FaultInjector();
    private final ProvisioningControls provisioning;
    private final CallCounters counters = new CallCounters();
    private final Map<String, Operation> identityStoreOperations;
    private final Seed seed;
    private final String identityStoreId;
    private volatile SsoAdminData ssoAdmin;
    private volatile PersistentState persistentState;
    private HttpServer server;
    /** The address asked for, resolved, with the port bound: a dual-stack JVM reports 0.0.0.0 as [::]. */
    private InetSocketAddress boundAddress;
    private ExecutorService executor;
    private Thread saveOnExit;

    private IdentityStoreLocal(Builder settings) {
        this.settings = settings;
        this.stores = new Stores(settings.idStyle);
        this.identityStoreOperations = IdentityStoreApi.operations(stores);
        this.seed = settings.seed == null ? null : Seed.read(mapper, settings.seed);
        String seeded = seed == null ? null : seed.identityStoreId();
        this.identityStoreId = settings.identityStoreId != null ? checkedStoreId("--identity-store-id", settings.identityStoreId)
                : seeded != null ? checkedStoreId("--seed " + settings.seed + ": identityStoreId", seeded)
                : DEFAULT_IDENTITY_STORE_ID;
        this.faults.configure(settings.faults);
        this.ssoAdminFaults.configure(settings.faults);
        this.provisioning = new ProvisioningControls(settings.provisioning);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the data file (or applies the seed) and starts serving. A problem with the settings (an address that is
     * not this machine's, a port in use, an unreadable or unwritable {@code --data}) is an IllegalArgumentException
     * whose message names the option.
     */
    public synchronized IdentityStoreLocal start() {
        if (server != null) {
            return this;
        }
        InetSocketAddress address = listenAddress();
        PersistentState state = settings.data == null ? null : PersistentState.open(mapper, settings.data);
        try {
            loadState(state);
            server = bind(address);
            if (state != null) {
                saveAtStart(state);
            }
        } catch (RuntimeException failed) {
            closeQuietly(state);
            if (server != null) {
                server.stop(0);
                server = null;
            }
            throw failed;
        }
        boundAddress = new InetSocketAddress(address.getAddress(), server.getAddress().getPort());
        executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        RequestGuard guard = new RequestGuard(boundAddress, settings.allowedHosts);
        // With --data, an Identity Store write answers once its journal line is on disk; the rare sso-admin
        // changes (not journaled) save the whole data file. Without --data both return at once.
        server.createContext("/", new ApiHttpHandler(mapper,
                DurableWrites.acknowledgedWhenDurable(identityStoreOperations, IdentityStoreApi::isWrite, this::syncJournal),
                DurableWrites.acknowledgedWhenDurable(SsoAdminApi.operations(() -> ssoAdmin, this::principalExists, provisioning, ssoAdminFaults),
                        DurableWrites::isSsoAdminWrite, this::save),
                faults, counters, guard));
        server.createContext("/_local/", new AdminHttpHandler(mapper, new Admin(), guard));
        server.start();
        if (!boundAddress.getAddress().isLoopbackAddress()) {
            System.err.println("identitystore-local: WARNING: listening on " + boundTo() + ", "
                    + (boundAddress.getAddress().isAnyLocalAddress() ? "every network interface" : "a network interface")
                    + ": anyone who can reach this machine can read and change the store; nothing is authenticated."
                    + " Bind to 127.0.0.1 (the default) unless other machines or containers must connect.");
        }
        if (state != null) {
            persistentState = state;
            stores.listen(state.journal());
            // SIGTERM and Ctrl-C run shutdown hooks: the journal is folded into the data file on the way out.
            saveOnExit = new Thread(this::saveQuietly, "identitystore-local-save");
            Runtime.getRuntime().addShutdownHook(saveOnExit);
        }
        return this;
    }

    private void loadState(PersistentState state) {
        if (state != null && state.hasSavedState()) {
            ssoAdmin = newSsoAdmin();
            state.loadSavedState(stores, ssoAdmin);
            stores.create(identityStoreId);
        } else {
            loadInitialState();
        }
        if (state != null) {
            state.replayJournal(stores);
        }
    }

    /** Folds a journal left by a crash into the data file, and proves the file can be written before serving. */
    private void saveAtStart(PersistentState state) {
        try {
            state.save(stores, ssoAdmin);
        } catch (IOException cannotWrite) {
            throw new IllegalArgumentException("--data " + state.path() + ": cannot write it (" + cannotWrite + ")", cannotWrite);
        }
    }

    private InetSocketAddress listenAddress() {
        InetSocketAddress address = new InetSocketAddress(settings.host, settings.port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--host " + settings.host
                    + ": not an address of this machine (it does not resolve); try 127.0.0.1, or 0.0.0.0 for every interface");
        }
        return address;
    }

    private HttpServer bind(InetSocketAddress address) {
        try {
            return HttpServer.create(address, 512);
        } catch (BindException cannotBind) {
            String reason = String.valueOf(cannotBind.getMessage());
            if (reason.contains("in use")) {
                throw new IllegalArgumentException("--port " + settings.port + ": already in use on " + settings.host
                        + " (is another server running? choose another with --port, or --port 0 for any free port)", cannotBind);
            }
            throw new IllegalArgumentException("--host " + settings.host + ": cannot listen there (" + reason
                    + "); is it an address of this machine?", cannotBind);
        } catch (IOException cannotBind) {
            throw new IllegalArgumentException("--host " + settings.host + " --port " + settings.port
                    + ": cannot listen there (" + cannotBind.getMessage() + ")", cannotBind);
        }
    }

    private static String checkedStoreId(String option, String id) {
        if (!StringConstraint.IDENTITY_STORE_ID.pattern().matcher(id).matches()) {
            throw new IllegalArgumentException(option + " '" + id
                    + "' is not an identity store id: d- and 10 hex digits (e.g. d-1234567890), or a UUID");
        }
        return id;
    }

    public URI endpoint() {
        requireStarted();
        return URI.create("http://" + hostForUri() + ":" + server.getAddress().getPort());
    }

    /** The address and port the server listens on, e.g. {@code 127.0.0.1:8190}, {@code 0.0.0.0:8190}, {@code [::1]:8190}. */
    public String boundTo() {
        requireStarted();
        InetAddress address = boundAddress.getAddress();
        String literal = address instanceof Inet6Address
                ? "[" + (address.isAnyLocalAddress() ? "::" : address.isLoopbackAddress() ? "::1" : address.getHostAddress()) + "]"
                : address.getHostAddress();
        return literal + ":" + boundAddress.getPort();
    }

    public int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    public String identityStoreId() {
        return identityStoreId;
    }

    public String instanceArn() {
        return ssoAdmin.instanceArn();
    }

    /** Empty store with the seed re-applied, stats zeroed, faults off, provisioning settings as built (and, with a data file, saved). */
    public synchronized void reset() {
        PersistentState state = persistentState;
        stores.listen(ChangeListener.NONE);
        stores.clear();
        loadInitialState();
        counters.reset();
        faults(FaultSettings.none());
        provisioning.configure(settings.provisioning);
        if (state != null) {
            try {
                save();
            } finally {
                stores.listen(state.journal());
            }
        }
    }

    public StatsSnapshot stats() {
        return counters.snapshot();
    }

    public void resetStats() {
        counters.reset();
    }

    public FaultSettings faults() {
        return faults.settings();
    }

    /** Applies to Identity Store operations and to sso-admin's account-assignment operations. */
    public void faults(FaultSettings newSettings) {
        faults.configure(newSettings);
        ssoAdminFaults.configure(newSettings);
    }

    /** The delay and injected failures of CreateAccountAssignment / DeleteAccountAssignment. */
    public ProvisioningSettings provisioning() {
        return provisioning.settings();
    }

    public void provisioning(ProvisioningSettings newSettings) {
        provisioning.configure(newSettings);
    }

    /** Direct, read-only access to the data, for assertions that must not count as API calls. */
    public IdentityStoreData data() {
        return stores.get(identityStoreId);
    }

    public SsoAdminData ssoAdmin() {
        return ssoAdmin;
    }

    /** Stops serving and writes the data file, if one is configured. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        if (saveOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(saveOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or has run: it saves.
            }
            saveQuietly();
            stores.listen(ChangeListener.NONE);
            closeQuietly(persistentState);
            persistentState = null;
            saveOnExit = null;
        }
    }

    private void loadInitialState() {
        IdentityStoreData store = stores.create(identityStoreId);
        ssoAdmin = newSsoAdmin();
        if (seed != null) {
            seed.apply(mapper, identityStoreOperations, store, ssoAdmin);
        }
    }

    private SsoAdminData newSsoAdmin() {
        String owner = seed != null && seed.ownerAccountId() != null ? seed.ownerAccountId() : DEFAULT_OWNER_ACCOUNT_ID;
        return new SsoAdminData(identityStoreId, owner, Stores.now(), settings.clock);
    }

    /** Assignments are provisioned against the store's current users and groups; deleted ones are not found. */
    private boolean principalExists(String principalType, String principalId) {
        IdentityStoreData store = data();
        if (store == null) {
            return false;
        }
        return store.read(() -> principalType.equals("USER")
                ? store.users().containsKey(principalId) : store.groups().containsKey(principalId));
    }

    /** Writes the data file and empties the journal; false when the emulator runs without a data file. */
    private synchronized boolean save() {
        PersistentState state = persistentState;
        if (state == null) {
            return false;
        }
        try {
            state.save(stores, ssoAdmin);
            return true;
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot write data file " + state.path(), failed);
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (UncheckedIOException failed) {
            System.err.println("identitystore-local: " + failed.getMessage() + ": " + failed.getCause().getMessage());
        }
    }

    /** An Identity Store write is acknowledged only once its journal line is on disk. */
    private void syncJournal() {
        PersistentState state = persistentState;
        if (state == null) {
            return;
        }
        try {
            state.sync();
        } catch (IOException failed) {
            System.err.println("identitystore-local: cannot write the journal of " + state.path() + ": " + failed);
            throw ApiError.internal("identitystore-local could not make the change durable in its --data file: " + failed.getMessage());
        }
    }

    private static void closeQuietly(PersistentState state) {
        if (state == null) {
            return;
        }
        try {
            state.close();
        } catch (IOException ignored) {
            // Closing a journal that was fsync'd loses nothing.
        }
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("Identity Store Local is not started: call start() first");
        }
    }

    /** Where a client on this machine connects: a wildcard bind is reached through loopback. */
    private String hostForUri() {
        InetAddress bound = boundAddress.getAddress();
        if (bound.isAnyLocalAddress()) {
            return bound instanceof Inet6Address ? "[::1]" : "127.0.0.1";
        }
        String host = settings.host;
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "identitystore-local-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The admin endpoints act on this instance. */
    private final class Admin implements LocalAdmin {
        @Override
        public ObjectNode describe() {
            return mapper.createObjectNode().put("status", "ok")
                    .put("identityStoreId", identityStoreId)
                    .put("instanceArn", instanceArn())
                    .put("users", data().read(() -> data().users().size()))
                    .put("groups", data().read(() -> data().groups().size()))
                    .put("memberships", data().read(() -> data().memberships().size()));
        }

        @Override
        public void reset() {
            IdentityStoreLocal.this.reset();
        }

        @Override
        public StatsSnapshot stats() {
            return IdentityStoreLocal.this.stats();
        }

        @Override
        public void resetStats() {
            IdentityStoreLocal.this.resetStats();
        }

        @Override
        public FaultSettings faults() {
            return IdentityStoreLocal.this.faults();
        }

        @Override
        public void faults(FaultSettings newSettings) {
            IdentityStoreLocal.this.faults(newSettings);
        }

        @Override
        public ProvisioningSettings provisioning() {
            return IdentityStoreLocal.this.provisioning();
        }

        @Override
        public void provisioning(ProvisioningSettings newSettings) {
            IdentityStoreLocal.this.provisioning(newSettings);
        }

        @Override
        public boolean save() {
            return IdentityStoreLocal.this.save();
        }
    }

    /** Settings of one emulator; every one has a default that suits tests. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String identityStoreId;
        private Path seed;
        private Path data;
        private FaultSettings faults = FaultSettings.none();
        private Clock clock = Clock.systemUTC();
        private ProvisioningSettings provisioning = ProvisioningSettings.immediate();
        private IdStyle idStyle = IdStyle.PREFIXED;
        private final List<String> allowedHosts = new ArrayList<>();

        private Builder() {
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, was " + newPort);
            }
            this.port = newPort;
            return this;
        }

        public Builder host(String newHost) {
            this.host = newHost;
            return this;
        }

        /**
         * A further name clients use in the Host header (e.g. a container's service name). Requests naming another
         * host than this server's address, localhost, 127.0.0.1 or [::1] are refused, against DNS rebinding.
         */
        public Builder allowHost(String hostName) {
            this.allowedHosts.add(java.util.Objects.requireNonNull(hostName, "hostName"));
            return this;
        }

        public Builder identityStoreId(String id) {
            this.identityStoreId = id;
            return this;
        }

        public Builder seed(Path seedFile) {
            this.seed = seedFile;
            return this;
        }

        /**
         * State is loaded from this file at start when it exists; every change is journaled beside it
         * ({@code FILE.journal}, fsync'd before the change is acknowledged) and the file is rewritten on close, on
         * exit and on {@code POST /_local/save}.
         */
        public Builder data(Path dataFile) {
            this.data = dataFile;
            return this;
        }

        /** How user, group and membership ids look: {@link IdStyle#PREFIXED} (the default) or bare {@link IdStyle#UUID}. */
        public Builder idStyle(IdStyle style) {
            this.idStyle = java.util.Objects.requireNonNull(style, "idStyle");
            return this;
        }

        public Builder faults(FaultSettings settings) {
            this.faults = settings;
            return this;
        }

        /** Times the asynchronous account-assignment requests; a test moves it instead of sleeping. */
        public Builder clock(Clock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** Delay and injected failures of account-assignment requests; also what reset() restores. */
        public Builder provisioning(ProvisioningSettings settings) {
            this.provisioning = Objects.requireNonNull(settings, "provisioning");
            return this;
        }

        public IdentityStoreLocal build() {
            return new IdentityStoreLocal(this);
        }
    }
}
