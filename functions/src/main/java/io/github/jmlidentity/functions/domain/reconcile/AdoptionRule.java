package io.github.jmlidentity.functions.domain.reconcile;

import java.util.Locale;
import java.util.Objects;

/**
 * Whether a reconcile links ("adopts") directory users that carry no employeeNumber to the roster's employees, and
 * what must match: the user name and the primary email (both ignoring case), or, relaxed explicitly, the user name
 * alone. Protected users are never adopted.
 */
public enum AdoptionRule {
    /** Never adopt: such a user is a CONFLICT for the roster row that names it. */
    OFF("off"),
    USER_NAME_AND_EMAIL("userName+email"),
    USER_NAME("userName");

    private final String label;

    AdoptionRule(String label) {
        this.label = label;
    }

    /** As written on the command line and in the CDK context: userName+email, userName (or off). */
    public String label() {
        return label;
    }

    public boolean enabled() {
        return this != OFF;
    }

    /** Does directory user ({@code userName}, {@code email}) match the row? */
    boolean matches(RosterEmployee row, String userName, String email) {
        boolean sameName = userName != null && userName.equalsIgnoreCase(row.userName());
        return switch (this) {
            case OFF -> false;
            case USER_NAME -> sameName;
            case USER_NAME_AND_EMAIL -> sameName && email != null && row.email() != null
                    && email.toLowerCase(Locale.ROOT).equals(row.email().toLowerCase(Locale.ROOT));
        };
    }

    public static java.util.Optional<AdoptionRule> fromLabel(String value) {
        for (AdoptionRule rule : values()) {
            if (rule.label.equalsIgnoreCase(Objects.requireNonNullElse(value, "").trim())) {
                return java.util.Optional.of(rule);
            }
        }
        return java.util.Optional.empty();
    }
}
