package io.github.jmlidentity.cli.report;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The two ways to read account assignments (sso-admin has no "list all"), each one listing (one call per page of
 * 100) per:
 * <ul>
 *   <li>{@link #PER_PRINCIPAL}: principal, ListAccountAssignmentsForPrincipal for every group and, for the direct
 *       assignments, for every user;</li>
 *   <li>{@link #PER_ACCOUNT_PERMISSION_SET}: account × permission set the set is provisioned to,
 *       ListAccountAssignments, which returns group and user assignments alike.</li>
 * </ul>
 */
public enum AssignmentStrategy {
    PER_PRINCIPAL,
    PER_ACCOUNT_PERMISSION_SET;

    /** Its value for {@code --assignment-strategy} and in the report: the name in kebab case, e.g. per-principal. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code auto} (null: the cheaper one) or a strategy's label, for {@code --assignment-strategy}. */
    public static final class Option implements CommandLine.ITypeConverter<AssignmentStrategy> {
        @Override
        public AssignmentStrategy convert(String name) {
            if (name.equals("auto")) {
                return null;
            }
            return Arrays.stream(values()).filter(s -> s.label().equals(name)).findFirst().orElseThrow(() ->
                    new CommandLine.TypeConversionException("expected auto, per-principal or per-account-permission-set, got '"
                            + name + "'"));
        }
    }
}
