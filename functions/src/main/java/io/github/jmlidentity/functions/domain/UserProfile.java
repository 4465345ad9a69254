package io.github.jmlidentity.functions.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A user's attributes as the Identity Store holds them; absent attributes are not in the map. */
public record UserProfile(Map<UserAttribute, String> values) {

    public UserProfile {
        EnumMap<UserAttribute, String> copy = new EnumMap<>(UserAttribute.class);
        values.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    /**
     * What the directory should hold for this employee. employeeNumber is the HR employeeId: it is how a user
     * found by name is recognised as this employee. The manager is the manager's HR employeeId rather than a
     * user id, so the value does not depend on the order in which manager and report were provisioned.
     */
    public static UserProfile from(Employee e) {
        Map<UserAttribute, String> v = new EnumMap<>(UserAttribute.class);
        v.put(UserAttribute.USER_NAME, e.userName());
        v.put(UserAttribute.DISPLAY_NAME, e.effectiveDisplayName());
        v.put(UserAttribute.GIVEN_NAME, e.givenName());
        v.put(UserAttribute.FAMILY_NAME, e.familyName());
        v.put(UserAttribute.EMAIL, e.email());
        v.put(UserAttribute.TITLE, e.title());
        v.put(UserAttribute.LOCALE, e.locale());
        v.put(UserAttribute.TIMEZONE, e.timezone());
        v.put(UserAttribute.PREFERRED_LANGUAGE, e.preferredLanguage());
        v.put(UserAttribute.USER_TYPE, e.employmentType());
        v.put(UserAttribute.EMPLOYEE_NUMBER, e.employeeId());
        v.put(UserAttribute.DEPARTMENT, e.department());
        v.put(UserAttribute.COST_CENTER, e.costCenter());
        v.put(UserAttribute.DIVISION, e.division());
        v.put(UserAttribute.ORGANIZATION, e.organization());
        v.put(UserAttribute.MANAGER, e.managerEmployeeId());
        return new UserProfile(v);
    }

    public String get(UserAttribute attribute) {
        return values.get(attribute);
    }

    public String userName() {
        return values.get(UserAttribute.USER_NAME);
    }

    public String employeeNumber() {
        return values.get(UserAttribute.EMPLOYEE_NUMBER);
    }

    /** The attribute operations that turn this profile into the desired one: only what differs, null value = remove. */
    public List<AttributeChange> changesTo(UserProfile desired) {
        List<AttributeChange> changes = new ArrayList<>();
        for (UserAttribute attribute : UserAttribute.values()) {
            String want = desired.get(attribute);
            if (!Objects.equals(values.get(attribute), want)) {
                changes.add(new AttributeChange(attribute, want));
            }
        }
        return changes;
    }
}
