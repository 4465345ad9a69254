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
                serviceError("uniqueness conflict", ConflictException.builder()
                                .reason(ConflictExceptionReason.UNIQUENESS_CONSTRAINT_VIOLATION),
                        "ConflictException", "Duplicate UserName", 400, Kind.ALREADY_EXISTS, false),
                serviceError("concurrent modification", ConflictException.builder()
                                .reason(ConflictExceptionReason.CONCURRENT_MODIFICATION),
                        "ConflictException", "changed meanwhile", 400, Kind.CONCURRENT_MODIFICATION, true),
                serviceError("missing user", ResourceNotFoundException.builder().resourceType(ResourceType.USER)
                        .resourceId("u-1"), "ResourceNotFoundException", "no such user", 400, Kind.NOT_FOUND, false),
                serviceError("throttled", ThrottlingException.builder(), "ThrottlingException", "Rate exceeded", 400,
                        Kind.THROTTLED, true),
                serviceError("internal error", InternalServerException.builder(), "InternalServerException", "oops", 500,
                        Kind.SERVICE_ERROR, true),
                serviceError("invalid request", ValidationException.builder(), "ValidationException", "bad name", 400,
                        Kind.INVALID_REQUEST, false),
                serviceError("access denied", AccessDeniedException.builder(), "AccessDeniedException", "no", 400,
                        Kind.ACCESS_DENIED, false),
                serviceError("quota exceeded", ServiceQuotaExceededException.builder(), "ServiceQuotaExceededException",
                        "full", 400, Kind.QUOTA_EXCEEDED, false),
                serviceError("sso-admin throttled", SsoAdminException.builder(), "ThrottlingException", "slow down", 400,
                        Kind.OTHER_SERVICE, true),
                serviceError("sso-admin write on an assignment still in progress",
                        software.amazon.awssdk.services.ssoadmin.model.ConflictException.builder(), "ConflictException",
                        "in progress", 400, Kind.CONCURRENT_MODIFICATION, true),
                serviceError("sso-admin assignment not found",
                        software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException.builder(),
                        "ResourceNotFoundException", "no such assignment", 400, Kind.NOT_FOUND, false),
                serviceError("sso-admin access denied", SsoAdminException.builder(), "AccessDeniedException", "no", 400,
                        Kind.OTHER_SERVICE, false),
                serviceError("another service's 5xx", AwsServiceException.builder(), "InternalServerError", "down", 503,
                        Kind.OTHER_SERVICE, true),
                Arguments.of("out of time", ApiCallTimeoutException.create(1000),
                        Kind.TIMED_OUT, "ApiCallTimeout", true),
                Arguments.of("unreachable", SdkClientException.create("Connection refused"),
                        Kind.UNREACHABLE, "SdkClientException", true));
    }

    /** A service's error reply: its error code is the failure's error type. */
    private static Arguments serviceError(String description, AwsServiceException.Builder builder, String code,
            String message, int status, Kind kind, boolean transientFailure) {
        return Arguments.of(description, builder.awsErrorDetails(details(code, message)).statusCode(status).build(), kind,
                code, transientFailure);
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
