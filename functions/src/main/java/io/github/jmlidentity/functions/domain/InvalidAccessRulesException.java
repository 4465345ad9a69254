package io.github.jmlidentity.functions.domain;

import java.util.List;

/** The access rules file is invalid; each error names the rule or field at fault. */
public final class InvalidAccessRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> errors;

    public InvalidAccessRulesException(List<String> errors) {
        super("invalid access rules: " + String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
