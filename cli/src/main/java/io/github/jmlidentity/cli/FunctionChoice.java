package io.github.jmlidentity.cli;

import io.github.jmlidentity.contract.EffectiveDatingFunction;
import io.github.jmlidentity.contract.LifecycleStage;
import io.github.jmlidentity.functions.domain.EventKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The function `jml invoke` runs: one of the lifecycle functions (joiner, mover, leaver: the contract's names), the
 * canceller (Employee Change Cancelled), or auto, which routes each event by its detail-type.
 *
 * @param kind the kind the function accepts, or null for auto
 */
record FunctionChoice(EventKind kind) {

    static final String AUTO = "auto";

    /** joiner, mover, leaver, auto. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            names.add(stage.functionName());
        }
        names.add(EffectiveDatingFunction.CANCELLER.functionName());
        names.add(AUTO);
        return names;
    }

    /** Parses FUNCTION, ignoring case. */
    static final class Converter implements ITypeConverter<FunctionChoice> {
        @Override
        public FunctionChoice convert(String value) {
            if (AUTO.equalsIgnoreCase(value)) {
                return new FunctionChoice(null);
            }
            return EventKind.fromFunctionName(value).map(FunctionChoice::new).orElseThrow(() ->
                    new TypeConversionException("expected one of " + names() + " (case-insensitive) but was '" + value + "'"));
        }
    }

    /** For completion and the usage help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}
