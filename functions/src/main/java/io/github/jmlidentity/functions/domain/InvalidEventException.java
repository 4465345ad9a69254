package io.github.jmlidentity.functions.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The event is malformed: it is rejected before any write and never retried into another outcome. */
public final class InvalidEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public InvalidEventException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public String reason() {
        return getMessage();
    }
}
