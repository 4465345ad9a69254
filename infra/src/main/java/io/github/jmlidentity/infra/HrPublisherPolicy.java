package io.github.jmlidentity.infra;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The HR bus's resource policy: who may put HR events, and nobody else.
 * <ul>
 * <li>{@value #ALLOW_SID}: the HR principal may put events of the HR source and the three detail-types;</li>
 * <li>{@value #DENY_SID}: every other IAM principal is denied {@code events:PutEvents} on the bus, even one whose
 * own identity policy allows it (same account included): an explicit Deny wins over any Allow.</li>
 * </ul>
 * The Deny applies only to requests signed by an IAM principal ({@code aws:PrincipalArn} present, and
 * {@code aws:PrincipalIsAWSService} false), so that what EventBridge does itself is not caught: an archive replay is
 * started with StartReplay on the archive (not PutEvents on the bus) and EventBridge then delivers the archived events
 * to the bus's rules itself ("Events are replayed based on, but separate from, the PutEvents transactions per second
 * limit": https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-replay-archived-event.html). Conditions per the
 * IAM global condition keys (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html):
 * aws:PrincipalArn is the role's ARN (not the session's) for an assumed role and is absent for a request an AWS
 * service principal makes itself; aws:PrincipalIsAWSService is true exactly then; a negated operator such as
 * ArnNotEquals matches when its key is absent, hence the Null condition that requires the key.
 *
 * <p>The policy is the bus's own {@code Policy} property (AWS::Events::EventBus), not separate
 * AWS::Events::EventBusPolicy resources: those carry the deprecated {@code principal} property, which CDK warns about
 * at every synth. The bus ARN is built from its name, as a resource cannot refer to its own attributes.
 */
final class HrPublisherPolicy {

    static final String ALLOW_SID = "HrSystemPutsHrLifecycleEvents";
    static final String DENY_SID = "NobodyElsePutsEvents";

    private HrPublisherPolicy() {
    }

    /**
     * @param hrPrincipal a role or user ARN (only it may put), an account id or root ARN (that account's principals
     *                    its administrators allow), or empty: this account
     */
    static PolicyDocument document(Optional<String> hrPrincipal, String busArn, String hrSource,
                                   List<String> detailTypes) {
        PolicyStatement allow = PolicyStatement.Builder.create()
                .sid(ALLOW_SID)
                .effect(Effect.ALLOW)
                .principals(List.of(principal(hrPrincipal)))
                .actions(List.of("events:PutEvents"))
                .resources(List.of(busArn))
                .conditions(Map.of("ForAllValues:StringEquals", Map.of(
                        "events:source", List.of(hrSource),
                        "events:detail-type", detailTypes)))
                .build();
        PolicyStatement deny = PolicyStatement.Builder.create()
                .sid(DENY_SID)
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("events:PutEvents"))
                .resources(List.of(busArn))
                .conditions(Map.of(
                        notThePublisher(hrPrincipal).getKey(), notThePublisher(hrPrincipal).getValue(),
                        // only requests an IAM principal signs: never EventBridge's own delivery of a replay
                        "Null", Map.of("aws:PrincipalArn", "false"),
                        "BoolIfExists", Map.of("aws:PrincipalIsAWSService", "false")))
                .build();
        return PolicyDocument.Builder.create().statements(List.of(allow, deny)).build();
    }

    /** Whether only one role or user may put (an ARN), rather than a whole account's principals. */
    static boolean namesOneIdentity(Optional<String> hrPrincipal) {
        return hrPrincipal.filter(p -> p.startsWith("arn:") && !p.endsWith(":root")).isPresent();
    }

    private static Map.Entry<String, Map<String, Object>> notThePublisher(Optional<String> hrPrincipal) {
        if (namesOneIdentity(hrPrincipal)) {
            return Map.entry("ArnNotEquals", Map.of("aws:PrincipalArn", hrPrincipal.get()));
        }
        String account = hrPrincipal.map(HrPublisherPolicy::accountOf).orElse(Aws.ACCOUNT_ID);
        return Map.entry("StringNotEquals", Map.of("aws:PrincipalAccount", account));
    }

    private static IPrincipal principal(Optional<String> hrPrincipal) {
        if (namesOneIdentity(hrPrincipal)) {
            return new ArnPrincipal(hrPrincipal.get());
        }
        return new AccountPrincipal(hrPrincipal.map(HrPublisherPolicy::accountOf).orElse(Aws.ACCOUNT_ID));
    }

    /** 111122223333, or the account of arn:aws:iam::111122223333:root. */
    private static String accountOf(String principal) {
        return principal.startsWith("arn:") ? principal.split(":")[4] : principal;
    }
}
