package io.github.jmlidentity.functions.domain;

import java.util.Objects;

/**
 * The employee's full current HR record, as carried by Joined and Moved events (state, not a delta).
 * Optional fields are null when HR does not send them.
 */
public record Employee(
        String employeeId,
        String userName,
        String givenName,
        String familyName,
        String displayName,
        String email,
        String title,
        String department,
        String division,
        String organization,
        String costCenter,
        String managerEmployeeId,
        String location,
        String employmentType,
        String locale,
        String timezone,
        String preferredLanguage) {

    public Employee {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(familyName, "familyName");
        Objects.requireNonNull(email, "email");
    }

    /** HR may omit the display name; the directory always gets one, "given family". */
    public String effectiveDisplayName() {
        return displayName != null ? displayName : givenName + " " + familyName;
    }

    /** The value an access rule condition is evaluated against. */
    public String attribute(HrAttribute attribute) {
        return switch (attribute) {
            case DEPARTMENT -> department;
            case TITLE -> title;
            case LOCATION -> location;
            case EMPLOYMENT_TYPE -> employmentType;
            case COST_CENTER -> costCenter;
        };
    }
}
