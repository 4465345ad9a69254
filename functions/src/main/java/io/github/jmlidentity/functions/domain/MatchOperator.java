package io.github.jmlidentity.functions.domain;

/**
 * How a rule condition compares an HR attribute, named in the rules file by {@link RulesName} (equals, anyOf, prefix);
 * comparisons ignore case because HR data is not consistent about it.
 */
public enum MatchOperator {
    EQUALS,
    ANY_OF,
    PREFIX
}
