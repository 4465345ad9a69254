package io.github.jmlidentity.cli.options;

import io.github.jmlidentity.contract.FunctionEnvironment;
import io.github.jmlidentity.functions.wiring.LifecycleFunctions;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How the functions are configured when `jml` runs them (invoke, demo): the access rules and the HR event source.
 * `jml invoke` falls back on the functions' own environment variables; the demo does not, so that its story always
 * runs with the files it was written for.
 */
public final class FunctionOptions {

    static final Path DEFAULT_RULES = Path.of("config", FunctionEnvironment.ACCESS_RULES_FILE_NAME);

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Access rules file (default: config/access-rules.json; for invoke, ACCESS_RULES_FILE first).")
    Path rules;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "The HR event source the events must carry (default: "
                    + FunctionEnvironment.DEFAULT_HR_EVENT_SOURCE + "; for invoke, HR_EVENT_SOURCE first).")
    String source;

    /** The rules file: the option, else (when {@code env} is given) ACCESS_RULES_FILE, else config/access-rules.json. */
    public Path rulesFile(Map<String, String> env) {
        return rules != null ? rules
                : Path.of(env.getOrDefault(FunctionEnvironment.ACCESS_RULES_FILE.name(), DEFAULT_RULES.toString()));
    }

    /** The source: the option, else (when {@code env} is given) HR_EVENT_SOURCE, else the default source. */
    public String source(Map<String, String> env) {
        return source != null ? source
                : env.getOrDefault(FunctionEnvironment.HR_EVENT_SOURCE.name(), FunctionEnvironment.DEFAULT_HR_EVENT_SOURCE);
    }

    /**
     * Applies the rules and the source to the functions' wiring.
     *
     * @throws io.github.jmlidentity.functions.domain.InvalidAccessRulesException naming every error in the rules
     */
    public LifecycleFunctions.Builder configure(LifecycleFunctions.Builder wiring, Map<String, String> env) {
        return wiring.rulesFile(rulesFile(env)).source(source(env));
    }
}
