package io.github.jmlidentity.functions.domain;

/**
 * Identity Store user attributes the functions own, by their UpdateUser AttributePath.
 * HR location is deliberately absent: it only drives access rules and never reaches the directory.
 */
public enum UserAttribute {
    USER_NAME("userName"),
    DISPLAY_NAME("displayName"),
    GIVEN_NAME("name.givenName"),
    FAMILY_NAME("name.familyName"),
    EMAIL("emails"),
    TITLE("title"),
    LOCALE("locale"),
    TIMEZONE("timezone"),
    PREFERRED_LANGUAGE("preferredLanguage"),
    USER_TYPE("userType"),
    EMPLOYEE_NUMBER(Enterprise.PREFIX + "employeeNumber"),
    DEPARTMENT(Enterprise.PREFIX + "department"),
    COST_CENTER(Enterprise.PREFIX + "costCenter"),
    DIVISION(Enterprise.PREFIX + "division"),
    ORGANIZATION(Enterprise.PREFIX + "organization"),
    MANAGER(Enterprise.PREFIX + "manager");

    private final String path;

    UserAttribute(String path) {
        this.path = path;
    }

    /** The UpdateUser AttributePath, e.g. name.givenName or aws:identitystore:enterprise.department. */
    public String path() {
        return path;
    }

    public boolean isEnterprise() {
        return path.startsWith(Enterprise.PREFIX);
    }

    /** Field name inside the enterprise extension (employeeNumber, department...), or the path itself. */
    public String enterpriseField() {
        return isEnterprise() ? path.substring(Enterprise.PREFIX.length()) : path;
    }

    /** The enterprise extension's name, as the Identity Store spells it. */
    public static final class Enterprise {
        public static final String NAME = "aws:identitystore:enterprise";
        static final String PREFIX = NAME + ".";

        private Enterprise() {
        }
    }
}
