package io.github.jmlidentity.functions.domain;

/** One problem with an input: the field (a JSON path such as detail.userName) and what is wrong with its value. */
public record Violation(String field, String problem) {
    @Override
    public String toString() {
        return field + ": " + problem;
    }
}
