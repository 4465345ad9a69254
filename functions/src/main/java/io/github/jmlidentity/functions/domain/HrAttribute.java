package io.github.jmlidentity.functions.domain;

/** HR attributes that access rules may match on, by their name in the event detail and the rules file. */
public enum HrAttribute {
    DEPARTMENT,
    TITLE,
    LOCATION,
    EMPLOYMENT_TYPE,
    COST_CENTER;

    /** Its name in the event detail and the rules file ({@link RulesName}), e.g. employmentType. */
    public String fieldName() {
        return RulesName.of(this);
    }
}
