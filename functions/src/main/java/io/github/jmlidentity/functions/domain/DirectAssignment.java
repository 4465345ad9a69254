package io.github.jmlidentity.functions.domain;

import java.util.Objects;

/**
 * An account assignment made to a user itself, not through a group: the user reaches {@code accountId} with the
 * permission set. The access rules grant groups only, so such an assignment is access no rule explains.
 *
 * @param accountId        the 12-digit AWS account
 * @param permissionSetArn the permission set's ARN (arn:aws:sso:::permissionSet/ssoins-.../ps-...)
 */
public record DirectAssignment(String accountId, String permissionSetArn) {

    public DirectAssignment {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(permissionSetArn, "permissionSetArn");
    }

    /** account/permission set, for messages. */
    public String label() {
        return accountId + "/" + permissionSetArn;
    }
}
