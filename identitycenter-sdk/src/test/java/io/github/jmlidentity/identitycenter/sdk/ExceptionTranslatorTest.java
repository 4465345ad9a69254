package io.github.jmlidentity.identitycenter.sdk;

import io.github.jmlidentity.identitycenter.DirectoryFailure.Kind;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import io.github.jmlidentity.identitycenter.ResourceMissingException;
import io.github.jmlidentity.identitycenter.UniquenessConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedException;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.ConflictExceptionReason;
import software.amazon.awssdk.services.identitystore.model.InternalServerException;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;
import software.amazon.awssdk.services.identitystore.model.ValidationException;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every SDK exception the Identity Store, sso-admin or the SDK client throws ends as one classified failure. */
class ExceptionTranslatorTest {

    static Stream<Arguments> exceptions() {
        return Stream.of(
                Arguments.of("uniqueness conflict", ConflictException.builder()
                        .reason(ConflictExceptionReason.UNIQUENESS_CONSTRAINT_VIOLATION)
                        .awsErrorDetails(details("ConflictException", "Duplicate UserName")).statusCode(400).build(),
                        Kind.ALREADY_EXISTS, "ConflictException", false),
                Arguments.of("concurrent modification", ConflictException.builder()
                        .reason(ConflictExceptionReason.CONCURRENT_MODIFICATION)
                        .awsErrorDetails(details("ConflictException", "changed meanwhile")).statusCode(400).build(),
                        Kind.CONCURRENT_MODIFICATION, "ConflictException", true),
                Arguments.of("missing user", ResourceNotFoundException.builder().resourceType(ResourceType.USER)
                        .resourceId("u-1").awsErrorDetails(details("ResourceNotFoundException", "no such user"))
                        .statusCode(400).build(), Kind.NOT_FOUND, "ResourceNotFoundException", false),
                Arguments.of("throttled", ThrottlingException.builder()
                        .awsErrorDetails(details("ThrottlingException", "Rate exceeded")).statusCode(400).build(),
                        Kind.THROTTLED, "ThrottlingException", true),
                Arguments.of("internal error", InternalServerException.builder()
                        .awsErrorDetails(details("InternalServerException", "oops")).statusCode(500).build(),
                        Kind.SERVICE_ERROR, "InternalServerException", true),
                Arguments.of("invalid request", ValidationException.builder()
                        .awsErrorDetails(details("ValidationException", "bad name")).statusCode(400).build(),
                        Kind.INVALID_REQUEST, "ValidationException", false),
                Arguments.of("access denied", AccessDeniedException.builder()
                        .awsErrorDetails(details("AccessDeniedException", "no")).statusCode(400).build(),
                        Kind.ACCESS_DENIED, "AccessDeniedException", false),
                Arguments.of("quota exceeded", ServiceQuotaExceededException.builder()
                        .awsErrorDetails(details("ServiceQuotaExceededException", "full")).statusCode(400).build(),
                        Kind.QUOTA_EXCEEDED, "ServiceQuotaExceededException", false),
                Arguments.of("sso-admin throttled", SsoAdminException.builder()
                        .awsErrorDetails(details("ThrottlingException", "slow down")).statusCode(400).build(),
                        Kind.OTHER_SERVICE, "ThrottlingException", true),
                Arguments.of("sso-admin write on an assignment still in progress",
                        software.amazon.awssdk.services.ssoadmin.model.ConflictException.builder()
                                .awsErrorDetails(details("ConflictException", "in progress")).statusCode(400).build(),
                        Kind.CONCURRENT_MODIFICATION, "ConflictException", true),
                Arguments.of("sso-admin assignment not found",
                        software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException.builder()
                                .awsErrorDetails(details("ResourceNotFoundException", "no such assignment"))
                                .statusCode(400).build(),
                        Kind.NOT_FOUND, "ResourceNotFoundException", false),
                Arguments.of("sso-admin access denied", SsoAdminException.builder()
                        .awsErrorDetails(details("AccessDeniedException", "no")).statusCode(400).build(),
                        Kind.OTHER_SERVICE, "AccessDeniedException", false),
                Arguments.of("another service's 5xx", AwsServiceException.builder()
                        .awsErrorDetails(details("InternalServerError", "down")).statusCode(503).build(),
                        Kind.OTHER_SERVICE, "InternalServerError", true),
                Arguments.of("out of time", ApiCallTimeoutException.create(1000),
                        Kind.TIMED_OUT, "ApiCallTimeout", true),
                Arguments.of("unreachable", SdkClientException.create("Connection refused"),
                        Kind.UNREACHABLE, "SdkClientException", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptions")
    void GIVEN_an_sdk_exception_WHEN_translated_THEN_its_kind_error_type_and_retry_advice_are_kept(
            String description, SdkException thrown, Kind kind, String errorType, boolean transientFailure) {
        DirectoryFailure failure = ExceptionTranslator.translate(thrown, "CreateUser jane.doe");

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.errorType()).isEqualTo(errorType);
        assertThat(failure.isTransient()).isEqualTo(transientFailure);
        assertThat(failure.getMessage()).startsWith("CreateUser jane.doe: ");
        assertThat(failure.getCause()).isSameAs(thrown);
    }

    @Test
    void GIVEN_a_missing_resource_THEN_its_type_and_id_are_kept() {
        DirectoryFailure failure = ExceptionTranslator.translate(ResourceNotFoundException.builder()
                .resourceType(ResourceType.GROUP).resourceId("g-1")
                .awsErrorDetails(details("ResourceNotFoundException", "gone")).build(), "GetGroupId");

        assertThat(failure).isInstanceOfSatisfying(ResourceMissingException.class, missing ->
                assertThat(missing.resource()).isEqualTo(new ResourceMissingException.Resource("GROUP", "g-1")));
        assertThat(failure.serviceMessage()).isEqualTo("gone");
        assertThat(failure.getMessage()).isEqualTo("GetGroupId: ResourceNotFoundException: gone");
    }

    @Test
    void GIVEN_a_uniqueness_conflict_THEN_it_is_the_exception_the_functions_converge_on() {
        assertThat(ExceptionTranslator.translate(ConflictException.builder()
                .reason(ConflictExceptionReason.UNIQUENESS_CONSTRAINT_VIOLATION)
                .awsErrorDetails(details("ConflictException", "taken")).build(), "CreateGroup x"))
                .isInstanceOf(UniquenessConflictException.class);
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).build();
    }
}
