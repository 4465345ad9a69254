package io.github.jmlidentity.identitystore.local.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Length and pattern limits of one string shape in the service model. */
public record StringConstraint(int min, int max, Pattern pattern) {

    public static final StringConstraint IDENTITY_STORE_ID = of(1, 36,
            "d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    public static final StringConstraint RESOURCE_ID = of(1, 47,
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
    public static final StringConstraint USER_NAME = of(1, 128, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    public static final StringConstraint SENSITIVE = of(1, 1024, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00a0\\u3000]+");
    public static final StringConstraint GROUP_DISPLAY_NAME = of(1, 1024, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \\u00a0]+");
    public static final StringConstraint ATTRIBUTE_PATH = of(1, 255,
            "\\p{L}+:\\p{L}+:\\p{L}+(?:\\.\\p{L}+){0,3}|\\p{L}+(?:\\.\\p{L}+){0,2}");
    public static final StringConstraint EXTENSION_NAME = of(1, 50, "aws:identitystore:[a-z]{1,20}");
    public static final StringConstraint EXTERNAL_ID_PART = of(1, 256, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    public static final StringConstraint NEXT_TOKEN = of(1, 65535, "[-a-zA-Z0-9+=/:_]*");
    public static final StringConstraint SSO_TOKEN = of(0, 2048, "[-a-zA-Z0-9+=/_]*");
    public static final StringConstraint INSTANCE_ARN = of(10, 1224,
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");
    public static final StringConstraint PERMISSION_SET_ARN = of(10, 1224,
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}");
    public static final StringConstraint ACCOUNT_ID = of(12, 12, "\\d{12}");
    public static final StringConstraint PRINCIPAL_ID = of(1, 47,
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");

    private static StringConstraint of(int min, int max, String regex) {
        return new StringConstraint(min, max, Pattern.compile(regex));
    }

    /** Throws the service's ValidationException naming {@code member} when {@code value} breaks a limit. */
    public String check(String member, String value) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw ApiError.invalidMember(member, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            throw ApiError.invalidMember(member, "Member must have length less than or equal to " + max);
        }
        if (!pattern.matcher(value).matches()) {
            throw ApiError.invalidMember(member, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return value;
    }

    /** The items of a list member, in order: each must be a string this constraint accepts. */
    public List<String> checkEach(String member, JsonNode list) {
        List<String> items = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw ApiError.invalidMember(member, "Member must be a list of strings");
            }
            items.add(check(member, item.asText()));
        }
        return items;
    }
}
