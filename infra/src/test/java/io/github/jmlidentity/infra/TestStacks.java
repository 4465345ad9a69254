package io.github.jmlidentity.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.github.jmlidentity.contract.EffectiveDatingFunction;
import io.github.jmlidentity.contract.LifecycleStage;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the stacks the infra tests inspect, once per JVM: synthesis starts a jsii/Node process
 * and takes seconds, so every test class shares these. The functions jar and config directory are tiny
 * stand-ins in a temporary directory, so infra tests never depend on the functions build.
 */
final class TestStacks {

    static final String STORE_ID = "d-1234567890";
    static final String INSTANCE_ARN = "arn:aws:sso:::instance/ssoins-0123456789abcdef";
    static final Path REPO_ROOT = JmlIdentityApp.repositoryRoot(Path.of("").toAbsolutePath());

    /** Every non-default setting at once, to prove each context value reaches the template. */
    static final Map<String, Object> VARIANT_CONTEXT = Map.ofEntries(
            Map.entry(StackSettings.IDENTITY_STORE_ID, "d-9876543210"),
            Map.entry(StackSettings.HR_SOURCE, "com.acme.workday"),
            Map.entry(StackSettings.HR_PRINCIPAL, "arn:aws:iam::111122223333:role/hr-publisher"),
            Map.entry(StackSettings.BUS_NAME, "acme-hr"),
            Map.entry(StackSettings.LOG_RETENTION_DAYS, "731"),
            Map.entry(StackSettings.ARCHIVE_RETENTION_DAYS, 30),
            Map.entry(StackSettings.RESERVED_CONCURRENCY, "3"),
            Map.entry(StackSettings.LEAVER_POLICY, "suspend"),
            Map.entry(StackSettings.MISSING_GROUP_POLICY, "create"),
            Map.entry(StackSettings.ALARM_EMAIL, "iam-ops@example.com"),
            Map.entry(StackSettings.DRY_RUN, "true"),
            // keep: no sso-admin grant, and so no instance ARN needed
            Map.entry(StackSettings.DIRECT_ASSIGNMENTS, "keep"),
            Map.entry(ReconcileSettings.ROSTER_PREFIX, "hr/exports/"),
            Map.entry(ReconcileSettings.RECONCILE_SCHEDULE, "rate(1 day)"),
            Map.entry(ReconcileSettings.RECONCILE_ROSTER_KEY, "hr/exports/current.csv"),
            Map.entry(ReconcileSettings.RECONCILE_ADOPT, "userName+email"),
            Map.entry(ReconcileSettings.RECONCILE_MAX_LEAVERS, "40"));

    private static Path assets;
    private static Synthesized defaults;
    private static Synthesized variant;

    /** A synthesized app: the stack and its template. */
    record Synthesized(App app, JmlIdentityStack stack, Template template) {

        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources(String type) {
            Map<String, Map<String, Object>> found = new LinkedHashMap<>();
            Map<String, Object> all = (Map<String, Object>) template.toJSON().get("Resources");
            all.forEach((logicalId, resource) -> {
                Map<String, Object> r = (Map<String, Object>) resource;
                if (type.equals(r.get("Type"))) {
                    found.put(logicalId, r);
                }
            });
            return found;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> resource(String logicalId) {
            return (Map<String, Object>) ((Map<String, Object>) template.toJSON().get("Resources")).get(logicalId);
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> properties(Map<String, Object> resource) {
            return (Map<String, Object>) resource.get("Properties");
        }
    }

    private TestStacks() {
    }

    /** The stack with code defaults and only the required identityStoreId and ssoInstanceArn. */
    static synchronized Synthesized defaults() {
        if (defaults == null) {
            defaults = synthesize(Map.of(StackSettings.IDENTITY_STORE_ID, STORE_ID,
                    StackSettings.SSO_INSTANCE_ARN, INSTANCE_ARN));
        }
        return defaults;
    }

    /** The stack with {@link #VARIANT_CONTEXT}. */
    static synchronized Synthesized variant() {
        if (variant == null) {
            variant = synthesize(VARIANT_CONTEXT);
        }
        return variant;
    }

    /** Context with the stand-in jar and config directory plus {@code values}. */
    static Map<String, Object> context(Map<String, Object> values) {
        Map<String, Object> context = new HashMap<>();
        context.put(StackSettings.FUNCTIONS_JAR, assets().resolve("functions.jar").toString());
        context.put(StackSettings.CONFIG_DIR, assets().resolve("config").toString());
        context.putAll(values);
        return context;
    }

    private static Synthesized synthesize(Map<String, Object> values) {
        App app = new App(AppProps.builder().context(context(values)).build());
        JmlIdentityStack stack = JmlIdentityApp.build(app, REPO_ROOT);
        return new Synthesized(app, stack, Template.fromStack(stack));
    }

    /** A temporary directory with functions.jar and config/access-rules.json, deleted when the JVM exits. */
    static synchronized Path assets() {
        if (assets == null) {
            try {
                Path dir = Files.createTempDirectory("jml-infra-test");
                try (OutputStream out = Files.newOutputStream(dir.resolve("functions.jar"));
                        JarOutputStream jar = new JarOutputStream(out)) {
                    jar.putNextEntry(new JarEntry("README.txt"));
                    jar.write("stand-in for functions/target/functions.jar".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    jar.closeEntry();
                }
                Files.createDirectories(dir.resolve("config"));
                // The smallest rules file the access-rules schema accepts; no policies, so the context may set them.
                Files.writeString(dir.resolve("config").resolve(StackSettings.ACCESS_RULES_FILE_NAME),
                        "{\"managedGroups\": {\"prefix\": \"jml-\"}}\n");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                assets = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return assets;
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: it is a temporary directory
        }
    }

    /** The handler the contract names for a detail-type (FunctionsJarHandlersTest proves each is in functions.jar). */
    static String handlerFor(String detailType) {
        if (EffectiveDatingFunction.CHANGE_CANCELLED.equals(detailType)) {
            return EffectiveDatingFunction.CANCELLER.handler();
        }
        return LifecycleStage.fromDetailType(detailType).orElseThrow().handler();
    }

    /** The handler of a function by its name: joiner, mover, leaver, canceller, scheduler. */
    static String handlerOfFunction(String functionName) {
        return LifecycleStage.fromFunctionName(functionName).map(LifecycleStage::handler)
                .or(() -> EffectiveDatingFunction.fromFunctionName(functionName).map(EffectiveDatingFunction::handler))
                .orElseThrow(() -> new AssertionError("no function " + functionName));
    }

    /** Every detail-type HR may put: the stages' and the cancellation. */
    static final List<String> CONTRACT_DETAIL_TYPES = HrEventRouting.hrDetailTypes();
}
