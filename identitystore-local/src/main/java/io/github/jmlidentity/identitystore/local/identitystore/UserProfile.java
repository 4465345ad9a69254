package io.github.jmlidentity.identitystore.local.identitystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jmlidentity.identitystore.local.api.ApiError;
import io.github.jmlidentity.identitystore.local.api.StringConstraint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The user attributes a client can set (CreateUser members, UpdateUser paths), validated as the service does.
 * One validator serves both operations: an update is applied to a copy of the profile, then the whole result is
 * validated again, so an update can never leave a user that CreateUser would have refused.
 */
final class UserProfile {
    static final String ENTERPRISE = "aws:identitystore:enterprise";
    static final Set<String> RESERVED_USER_NAMES = Set.of("administrator", "awsadministrators");

    private static final List<String> TEXT_MEMBERS = List.of("UserName", "DisplayName", "NickName", "ProfileUrl",
            "UserType", "Title", "PreferredLanguage", "Locale", "Timezone", "Website", "Birthdate");
    private static final List<String> NAME_PARTS = List.of("Formatted", "FamilyName", "GivenName", "MiddleName",
            "HonorificPrefix", "HonorificSuffix");
    private static final Map<String, ListShape> LISTS = Map.of(
            "Emails", new ListShape(1, List.of("Value", "Type"), false),
            "Addresses", new ListShape(1, List.of("StreetAddress", "Locality", "Region", "PostalCode", "Country",
                    "Formatted", "Type"), false),
            "PhoneNumbers", new ListShape(1, List.of("Value", "Type"), false),
            "Photos", new ListShape(3, List.of("Value", "Type", "Display"), true),
            "Roles", new ListShape(1, List.of("Value", "Type"), false));
    private static final Set<String> ENTERPRISE_TEXT = Set.of("employeeNumber", "costCenter", "organization",
            "division", "department");

    private record ListShape(int max, List<String> textMembers, boolean valueRequired) {
    }

    private UserProfile() {
    }

    /** Validates the profile members of {@code source} and returns only them, in canonical form. */
    static ObjectNode validated(ObjectNode source) {
        ObjectNode profile = JsonNodeFactory.instance.objectNode();
        for (String member : TEXT_MEMBERS) {
            JsonNode value = present(source.get(member));
            if (value != null) {
                profile.put(member, text(label(member), value, member.equals("UserName")
                        ? StringConstraint.USER_NAME : StringConstraint.SENSITIVE));
            }
        }
        JsonNode nameSource = present(source.get("Name"));
        ObjectNode name = nameSource == null ? null : name(nameSource);
        requireAttributes(profile, name);
        if (RESERVED_USER_NAMES.contains(profile.get("UserName").asText().toLowerCase(Locale.ROOT))) {
            throw ApiError.invalidMember("userName", "Member must not be a reserved user name (Administrator, AWSAdministrators)");
        }
        profile.set("Name", name);
        for (Map.Entry<String, ListShape> list : LISTS.entrySet()) {
            JsonNode value = present(source.get(list.getKey()));
            if (value != null) {
                profile.set(list.getKey(), list(list.getKey(), list.getValue(), value));
            }
        }
        JsonNode extensions = present(source.get("Extensions"));
        if (extensions != null) {
            profile.set("Extensions", extensions(extensions));
        }
        return profile;
    }

    /** Applies one UpdateUser AttributeOperation to a copy of the profile; a null value removes the attribute. */
    static void apply(ObjectNode profile, String path, JsonNode value) {
        JsonNode newValue = present(value);
        if (path.regionMatches(true, 0, ENTERPRISE, 0, ENTERPRISE.length())) {
            applyExtension(profile, path, newValue);
            return;
        }
        String[] segments = path.split("\\.");
        String root = canonical(segments[0], rootMembers(), path);
        if (segments.length == 1) {
            setOrRemove(profile, root, newValue == null ? null : canonicalKeys(newValue, root));
            return;
        }
        if (!root.equals("Name") || segments.length != 2) {
            throw ApiError.invalidMember("attributePath", "Unsupported attribute path '" + path + "'");
        }
        ObjectNode name = profile.has("Name") ? (ObjectNode) profile.get("Name") : profile.putObject("Name");
        setOrRemove(name, canonical(segments[1], NAME_PARTS, path), newValue);
        if (name.isEmpty()) {
            profile.remove("Name");
        }
    }

    private static void applyExtension(ObjectNode profile, String path, JsonNode value) {
        String rest = path.substring(ENTERPRISE.length());
        ObjectNode extensions = profile.has("Extensions") ? (ObjectNode) profile.get("Extensions") : profile.putObject("Extensions");
        if (rest.isEmpty()) {
            setOrRemove(extensions, ENTERPRISE, value);
        } else if (rest.startsWith(".")) {
            ObjectNode enterprise = extensions.has(ENTERPRISE) && extensions.get(ENTERPRISE).isObject()
                    ? (ObjectNode) extensions.get(ENTERPRISE) : extensions.putObject(ENTERPRISE);
            String[] segments = rest.substring(1).split("\\.");
            if (segments.length == 2 && segments[0].equals("manager") && segments[1].equals("value")) {
                setOrRemove(enterprise, "manager", value == null ? null
                        : JsonNodeFactory.instance.objectNode().set("value", value));
            } else if (segments.length == 1) {
                setOrRemove(enterprise, segments[0], value);
            } else {
                throw ApiError.invalidMember("attributePath", "Unsupported attribute path '" + path + "'");
            }
            if (enterprise.isEmpty()) {
                extensions.remove(ENTERPRISE);
            }
        } else {
            throw ApiError.invalidMember("attributePath", "Unsupported attribute path '" + path + "'");
        }
        if (extensions.isEmpty()) {
            profile.remove("Extensions");
        }
    }

    private static List<String> rootMembers() {
        java.util.ArrayList<String> roots = new java.util.ArrayList<>(TEXT_MEMBERS);
        roots.add("Name");
        roots.addAll(LISTS.keySet());
        return roots;
    }

    private static String canonical(String segment, List<String> members, String path) {
        for (String member : members) {
            if (member.equalsIgnoreCase(segment)) {
                return member;
            }
        }
        throw ApiError.invalidMember("attributePath", "Unsupported attribute path '" + path + "'");
    }

    /** UpdateUser documents use SCIM-style lower camel keys ("value", "givenName"); stored shapes are Pascal case. */
    private static JsonNode canonicalKeys(JsonNode value, String root) {
        if (value.isObject() && root.equals("Name")) {
            return capitalizedKeys((ObjectNode) value);
        }
        if (value.isArray() && LISTS.containsKey(root)) {
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> items.add(item.isObject() ? capitalizedKeys((ObjectNode) item) : item));
            return items;
        }
        return value;
    }

    private static ObjectNode capitalizedKeys(ObjectNode source) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        source.properties().forEach(entry -> result.set(
                Character.toUpperCase(entry.getKey().charAt(0)) + entry.getKey().substring(1), entry.getValue()));
        return result;
    }

    /**
     * The attributes the model leaves optional but IAM Identity Center requires, all reported in one
     * ValidationException in the service's words: "displayname: The attribute displayname is required, name: ...".
     */
    private static void requireAttributes(ObjectNode profile, ObjectNode name) {
        Set<String> missing = new TreeSet<>();
        if (!profile.has("UserName")) {
            missing.add("username");
        }
        if (!profile.has("DisplayName")) {
            missing.add("displayname");
        }
        if (name == null || name.isEmpty()) {
            missing.add("name");
        } else {
            if (!name.has("GivenName")) {
                missing.add("givenname");
            }
            if (!name.has("FamilyName")) {
                missing.add("familyname");
            }
        }
        if (!missing.isEmpty()) {
            throw ApiError.validation(missing.stream()
                    .map(attribute -> attribute + ": The attribute " + attribute + " is required")
                    .collect(Collectors.joining(", ")));
        }
    }

    private static ObjectNode name(JsonNode source) {
        if (!source.isObject()) {
            throw ApiError.invalidMember("name", "Member must be a structure");
        }
        ObjectNode name = JsonNodeFactory.instance.objectNode();
        for (String part : NAME_PARTS) {
            JsonNode value = present(source.get(part));
            if (value != null) {
                name.put(part, text("name." + label(part), value, StringConstraint.SENSITIVE));
            }
        }
        return name;
    }

    private static ArrayNode list(String member, ListShape shape, JsonNode source) {
        String label = label(member);
        if (!source.isArray()) {
            throw ApiError.invalidMember(label, "Member must be a list");
        }
        if (source.isEmpty()) {
            throw ApiError.invalidMember(label, "Member must have length greater than or equal to 1");
        }
        if (source.size() > shape.max()) {
            throw ApiError.invalidMember(label, "Member must have length less than or equal to " + shape.max());
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < source.size(); i++) {
            JsonNode item = source.get(i);
            String itemLabel = label + "." + (i + 1);
            if (!item.isObject()) {
                throw ApiError.invalidMember(itemLabel, "Member must be a structure");
            }
            ObjectNode canonicalItem = JsonNodeFactory.instance.objectNode();
            for (String textMember : shape.textMembers()) {
                JsonNode value = present(item.get(textMember));
                if (value != null) {
                    canonicalItem.put(textMember, text(itemLabel + "." + label(textMember), value, StringConstraint.SENSITIVE));
                }
            }
            JsonNode primary = present(item.get("Primary"));
            if (primary != null) {
                if (!primary.isBoolean()) {
                    throw ApiError.invalidMember(itemLabel + ".primary", "Member must be a boolean");
                }
                canonicalItem.put("Primary", primary.booleanValue());
            }
            if (shape.valueRequired() && !canonicalItem.has("Value")) {
                throw ApiError.invalidMember(itemLabel + ".value", "Member must not be null");
            }
            items.add(canonicalItem);
        }
        return items;
    }

    private static ObjectNode extensions(JsonNode source) {
        if (!source.isObject()) {
            throw ApiError.invalidMember("extensions", "Member must be a map");
        }
        if (source.size() > 10) {
            throw ApiError.invalidMember("extensions", "Member must have length less than or equal to 10");
        }
        ObjectNode extensions = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            StringConstraint.EXTENSION_NAME.check("extensions", entry.getKey());
            if (!entry.getKey().equals(ENTERPRISE)) {
                throw ApiError.invalidMember("extensions." + entry.getKey(), "Unsupported extension; supported: " + ENTERPRISE);
            }
            extensions.set(ENTERPRISE, enterprise(entry.getValue()));
        }
        return extensions;
    }

    private static ObjectNode enterprise(JsonNode source) {
        String label = "extensions." + ENTERPRISE;
        if (!source.isObject()) {
            throw ApiError.invalidMember(label, "Member must be a structure");
        }
        ObjectNode enterprise = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> entry : source.properties()) {
            String key = entry.getKey();
            JsonNode value = present(entry.getValue());
            if (value == null) {
                continue;
            }
            if (ENTERPRISE_TEXT.contains(key)) {
                enterprise.put(key, text(label + "." + key, value, StringConstraint.SENSITIVE));
            } else if (key.equals("manager")) {
                JsonNode managerValue = value.isObject() ? present(value.get("value")) : null;
                if (managerValue == null) {
                    throw ApiError.invalidMember(label + ".manager", "Member must be a structure with a 'value' string");
                }
                enterprise.putObject("manager").put("value",
                        text(label + ".manager.value", managerValue, StringConstraint.SENSITIVE));
            } else {
                throw ApiError.invalidMember(label + "." + key, "Unknown attribute of the enterprise extension");
            }
        }
        return enterprise;
    }

    private static String text(String label, JsonNode value, StringConstraint constraint) {
        if (!value.isTextual()) {
            throw ApiError.invalidMember(label, "Member must be a string");
        }
        return constraint.check(label, value.asText());
    }

    private static void setOrRemove(ObjectNode target, String key, JsonNode value) {
        if (value == null) {
            target.remove(key);
        } else {
            target.set(key, value);
        }
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    private static String label(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
