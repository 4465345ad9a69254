package io.github.jmlidentity.contract;

import java.util.regex.Pattern;

/**
 * The IAM Identity Center instance ARN the leaver removes direct account assignments in: the CDK app validates the
 * context value with this pattern and passes it as {@link FunctionEnvironment#SSO_INSTANCE_ARN}, the functions
 * validate it again. The pattern is sso-admin's own for InstanceArn.
 */
public final class SsoInstanceArn {

    /** sso-admin's InstanceArn pattern (botocore sso-admin model). */
    public static final Pattern PATTERN =
            Pattern.compile("arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");
    public static final String EXAMPLE = "arn:aws:sso:::instance/ssoins-0123456789abcdef";
    /** How to find it. */
    public static final String HOW_TO_FIND = "aws sso-admin list-instances --query 'Instances[0].InstanceArn'";

    private SsoInstanceArn() {
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }
}
