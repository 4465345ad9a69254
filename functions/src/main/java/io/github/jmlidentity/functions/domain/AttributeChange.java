package io.github.jmlidentity.functions.domain;

/** Set one user attribute; a null value removes it. */
public record AttributeChange(UserAttribute attribute, String value) {
}
