package io.github.jmlidentity.bench;

import io.github.jmlidentity.functions.domain.AccessRules;
import io.github.jmlidentity.functions.support.DynaliteProcess;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import io.github.jmlidentity.identitystore.local.IdentityStoreLocal;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the benchmarks share: the repository (samples, rules, built jars), the quick flag, and the servers, started
 * on first use on 127.0.0.1 and closed at the end of the run.
 */
public final class BenchContext implements AutoCloseable {

    private final Path repo;
    private final boolean quick;
    private final AccessRules rules;
    private IdentityStoreLocal server;
    private DynaliteProcess dynalite;
    private final java.util.Set<Path> snapshots = new java.util.HashSet<>();

    public BenchContext(Path repo, boolean quick) {
        this.repo = repo.toAbsolutePath().normalize();
        this.quick = quick;
        this.rules = LifecycleFunctions.accessRules(accessRulesFile());
    }

    /** The repository root: the given directory, or the nearest parent holding events/joiner.json. */
    public static Path findRepo(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("events/joiner.json")) && Files.exists(dir.resolve("config/access-rules.json"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("cannot find the jml-identity repository (events/joiner.json) from " + start
                + ": run from the repository or pass --repo DIR");
    }

    public Path repo() {
        return repo;
    }

    public boolean quick() {
        return quick;
    }

    public Path accessRulesFile() {
        return repo.resolve("config/access-rules.json");
    }

    public AccessRules rules() {
        return rules;
    }

    public Path sample(String name) {
        return repo.resolve("events").resolve(name);
    }

    public Path functionsJar() {
        return repo.resolve("functions/target/functions.jar");
    }

    public Path cliJar() {
        return repo.resolve("cli/target/jml.jar");
    }

    /**
     * A copy of a built jar under bench/target, taken once per run: child JVMs keep running the same bytes even if
     * the module is rebuilt meanwhile (a jar rewritten under a running JVM fails with NoClassDefFoundError).
     */
    public synchronized Path snapshot(Path jar) throws java.io.IOException {
        Path copy = benchTarget().resolve("jars").resolve(jar.getFileName());
        if (!snapshots.contains(copy)) {
            Files.createDirectories(copy.getParent());
            Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            snapshots.add(copy);
        }
        return copy;
    }

    public Path benchTarget() {
        return repo.resolve("bench/target");
    }

    /** The permission sets of {@link #freshServer()}'s IAM Identity Center instance. */
    static final java.util.List<String> PERMISSION_SETS = java.util.List.of("AdministratorAccess", "ReadOnlyAccess");

    /** An empty Identity Store Local (fresh state, stats zeroed, no faults) with the rules' groups created. */
    public synchronized IdentityStoreLocal freshServer() {
        if (server == null) {
            server = IdentityStoreLocal.builder().port(0).build().start();
        }
        server.reset();
        Directories.createGroups(server, rules.allGrantableGroups());
        // Permission sets a user can be assigned directly (a leaver removes such assignments).
        for (String permissionSet : PERMISSION_SETS) {
            server.ssoAdmin().putPermissionSet(permissionSet, "jml-bench", "PT1H", 0);
        }
        server.resetStats();
        return server;
    }

    public synchronized DynaliteProcess dynalite() {
        if (dynalite == null) {
            dynalite = DynaliteProcess.start(repo.resolve(".ci/node/node_modules/dynalite/cli.js"));
        }
        return dynalite;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
