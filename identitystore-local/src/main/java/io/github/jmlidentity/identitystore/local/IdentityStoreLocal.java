package io.github.jmlidentity.identitystore.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.jmlidentity.identitystore.local.api.Operation;
import io.github.jmlidentity.identitystore.local.faults.FaultInjector;
import io.github.jmlidentity.identitystore.local.http.AdminHttpHandler;
import io.github.jmlidentity.identitystore.local.http.ApiHttpHandler;
import io.github.jmlidentity.identitystore.local.http.CallCounters;
import io.github.jmlidentity.identitystore.local.http.LocalAdmin;
import io.github.jmlidentity.identitystore.local.http.RequestGuard;
import io.github.jmlidentity.identitystore.local.identitystore.IdentityStoreApi;
import io.github.jmlidentity.identitystore.local.persistence.DataFile;
import io.github.jmlidentity.identitystore.local.persistence.Seed;
import io.github.jmlidentity.identitystore.local.ssoadmin.SsoAdminApi;
import io.github.jmlidentity.identitystore.local.ssoadmin.SsoAdminData;
import io.github.jmlidentity.identitystore.local.store.IdentityStoreData;
import io.github.jmlidentity.identitystore.local.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Identity Store Local: an emulator of the AWS IAM Identity Center Identity Store API (and the sso-admin reads
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
    private final CallCounters counters = new CallCounters();
    private final Map<String, Operation> identityStoreOperations;
    private final Seed seed;
    private final DataFile dataFile;
    private final String identityStoreId;
    private volatile SsoAdminData ssoAdmin;
    private HttpServer server;
    private ExecutorService executor;
    private Thread saveOnExit;

    private IdentityStoreLocal(Builder settings) {
        this.settings = settings;
        this.stores = new Stores(settings.idStyle);
        this.identityStoreOperations = IdentityStoreApi.operations(stores);
        this.seed = settings.seed == null ? null : Seed.read(mapper, settings.seed);
        this.dataFile = settings.data == null ? null : new DataFile(mapper, settings.data);
        String seeded = seed == null ? null : seed.identityStoreId();
        this.identityStoreId = settings.identityStoreId != null ? settings.identityStoreId
                : seeded != null ? seeded : DEFAULT_IDENTITY_STORE_ID;
        this.faults.configure(settings.faults);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Loads the data file (or applies the seed) and starts serving. */
    public synchronized IdentityStoreLocal start() {
        if (server != null) {
            return this;
        }
        if (dataFile != null && dataFile.exists()) {
            ssoAdmin = newSsoAdmin();
            try {
                dataFile.load(stores, ssoAdmin);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("Cannot load data file " + dataFile.path(), unreadable);
            }
            stores.create(identityStoreId);
        } else {
            loadInitialState();
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 512);
        } catch (IOException cannotBind) {
            throw new UncheckedIOException("Cannot listen on " + settings.host + ":" + settings.port
                    + " (is another server using the port? choose another with --port)", cannotBind);
        }
        executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        RequestGuard guard = new RequestGuard(server.getAddress(), settings.allowedHosts);
        server.createContext("/", new ApiHttpHandler(mapper, identityStoreOperations,
                SsoAdminApi.operations(() -> ssoAdmin), faults, counters, guard));
        server.createContext("/_local/", new AdminHttpHandler(mapper, new Admin(), guard));
        server.start();
        if (!server.getAddress().getAddress().isLoopbackAddress()) {
            System.err.println("identitystore-local: WARNING: listening on " + boundTo() + ", "
                    + (server.getAddress().getAddress().isAnyLocalAddress() ? "every network interface" : "a network interface")
                    + ": anyone who can reach this machine can read and change the store; nothing is authenticated."
                    + " Bind to 127.0.0.1 (the default) unless other machines or containers must connect.");
        }
        if (dataFile != null) {
            // Ctrl-C runs shutdown hooks: the data survives an interrupted session.
            saveOnExit = new Thread(this::saveQuietly, "identitystore-local-save");
            Runtime.getRuntime().addShutdownHook(saveOnExit);
        }
        return this;
    }

    public URI endpoint() {
        requireStarted();
        return URI.create("http://" + hostForUri() + ":" + server.getAddress().getPort());
    }

    /** The address and port the server listens on, e.g. {@code 127.0.0.1:8190}, {@code 0.0.0.0:8190}, {@code [::1]:8190}. */
    public String boundTo() {
        requireStarted();
        InetAddress address = server.getAddress().getAddress();
        String literal = address instanceof Inet6Address
                ? "[" + (address.isAnyLocalAddress() ? "::" : address.isLoopbackAddress() ? "::1" : address.getHostAddress()) + "]"
                : address.getHostAddress();
        return literal + ":" + server.getAddress().getPort();
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

    /** Empty store with the seed re-applied, stats zeroed, faults off. */
    public synchronized void reset() {
        stores.clear();
        loadInitialState();
        counters.reset();
        faults.configure(FaultSettings.none());
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

    public void faults(FaultSettings newSettings) {
        faults.configure(newSettings);
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
        return new SsoAdminData(identityStoreId, owner, Stores.now());
    }

    private synchronized boolean save() {
        if (dataFile == null) {
            return false;
        }
        try {
            dataFile.save(stores, ssoAdmin);
            return true;
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot write data file " + dataFile.path(), failed);
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (UncheckedIOException failed) {
            System.err.println("identitystore-local: " + failed.getMessage() + ": " + failed.getCause().getMessage());
        }
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("Identity Store Local is not started: call start() first");
        }
    }

    /** Where a client on this machine connects: a wildcard bind is reached through loopback. */
    private String hostForUri() {
        InetAddress bound = server.getAddress().getAddress();
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

        /** State is loaded from this file at start when it exists, and written to it on close and on exit. */
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

        public IdentityStoreLocal build() {
            return new IdentityStoreLocal(this);
        }
    }
}
