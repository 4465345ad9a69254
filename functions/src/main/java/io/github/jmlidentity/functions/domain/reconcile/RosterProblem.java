package io.github.jmlidentity.functions.domain.reconcile;

/**
 * One problem with a roster: the line (0 for the roster as a whole), the field (a column or detail field such as
 * email) and what is wrong with its value.
 */
public record RosterProblem(long line, String field, String problem) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + "field " + field + ": " + problem;
    }
}
