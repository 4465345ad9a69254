package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.contract.MissingGroupPolicy;
import io.github.jmlidentity.functions.application.ProvisioningRefusedException.Refusal;
import io.github.jmlidentity.functions.application.port.out.IdentityDirectory;
import io.github.jmlidentity.functions.domain.AccessRules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns granted group names into ids before any write, applying the missing-group policy. */
final class GroupResolver {

    private final IdentityDirectory directory;
    private final AccessRules rules;

    GroupResolver(IdentityDirectory directory, AccessRules rules) {
        this.directory = directory;
        this.rules = rules;
    }

    /** Name to id; a missing group maps to null under the create policy, and fails the event under the fail policy. */
    Map<String, String> resolve(List<String> names) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : names) {
            Optional<String> id = directory.findGroupId(name);
            if (id.isEmpty() && rules.missingGroupPolicy() == MissingGroupPolicy.FAIL) {
                throw new ProvisioningRefusedException(Refusal.MISSING_GROUP,
                        "the access rules grant group '" + name + "', which does not exist in identity store "
                                + directory.identityStoreId()
                                + ": create the group, or set missingGroupPolicy to \"create\"");
            }
            ids.put(name, id.orElse(null));
        }
        return ids;
    }

    String idOrCreate(String name, String resolvedId) {
        if (resolvedId != null) {
            return resolvedId;
        }
        return directory.createGroup(name, "Managed by jml-identity access rules");
    }
}
