package io.github.jmlidentity.functions.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The only groups the functions ever add or remove: explicit names and/or a display-name prefix.
 * Everything else (groups granted by hand, by other tools) is never touched.
 */
public record ManagedGroups(Set<String> names, String prefix) {

    public ManagedGroups {
        names = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public boolean isManaged(String groupDisplayName) {
        if (groupDisplayName == null) {
            return false;
        }
        String name = groupDisplayName.toLowerCase(Locale.ROOT);
        return names.contains(name) || (prefix != null && name.startsWith(prefix.toLowerCase(Locale.ROOT)));
    }
}
