package io.github.jmlidentity.identitystore.local.ssoadmin;

/** A permission set assigned to a user or group in one AWS account. */
public record AccountAssignment(String accountId, String permissionSetArn, String principalType, String principalId) {

    String key() {
        return accountId + '|' + permissionSetArn + '|' + principalType + '|' + principalId;
    }
}
