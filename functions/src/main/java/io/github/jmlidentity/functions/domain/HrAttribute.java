package io.github.jmlidentity.functions.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** HR attributes that access rules may match on, by their name in the event detail and the rules file. */
public enum HrAttribute {
    DEPARTMENT("department"),
    TITLE("title"),
    LOCATION("location"),
    EMPLOYMENT_TYPE("employmentType"),
    COST_CENTER("costCenter");

    private final String fieldName;

    HrAttribute(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }

    public static Optional<HrAttribute> fromFieldName(String name) {
        return Arrays.stream(values()).filter(a -> a.fieldName.equals(name)).findFirst();
    }

    public static String allFieldNames() {
        return Arrays.stream(values()).map(HrAttribute::fieldName).collect(Collectors.joining(", "));
    }
}
