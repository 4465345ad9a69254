package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.RosterSource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rosters in S3, read with one signed GetObject request of the function's own: the SDK's SigV4 signer and HTTP client
 * (already in the functions jar for the Identity Store) rather than the S3 client, which would add about 4.4 MB to the
 * jar for one call. Virtual-hosted addressing against AWS ({@code https://<bucket>.s3.<region>.amazonaws.com/<key>});
 * path style against an endpoint override (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL), as local S3 emulators expect.
 *
 * <p>When the snapshot was taken: the object's user metadata {@code as-of} (RFC 3339, e.g. set by the HR export with
 * {@code aws s3 cp --metadata as-of=2026-03-01T06:00:00Z}), else its Last-Modified time.
 *
 * @param endpointOverride an S3-compatible endpoint (path-style requests), or null for AWS
 */
public record S3RosterSource(SdkHttpClient http, AwsCredentialsProvider credentials, String region,
                             URI endpointOverride) implements RosterSource {

    /** Far above a 50,000-employee roster (about 10 MB), well within the function's memory. */
    static final int MAX_BYTES = 64 * 1024 * 1024;
    static final String AS_OF_METADATA = "x-amz-meta-as-of";
    /** SHA-256 of an empty payload: a GET has no body, and S3 requires the header. */
    private static final String EMPTY_PAYLOAD_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final Pattern LOCATION = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+)");
    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]{1,64})</Code>");
    /** Stateless, so one serves every request. */
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    @Override
    public Document read(String location) {
        Matcher parts = LOCATION.matcher(location);
        if (!parts.matches()) {
            throw new RosterUnavailableException(location + " is not an S3 location (s3://bucket/key)", null);
        }
        URI uri = uri(parts.group(1), parts.group(2));
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().uri(uri).method(SdkHttpMethod.GET)
                .putHeader("x-amz-content-sha256", EMPTY_PAYLOAD_SHA256).build();
        SignedRequest signed = SIGNER.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).build()).call();
            int status = response.httpResponse().statusCode();
            byte[] body = read(response.responseBody(), status == 200 ? MAX_BYTES : 4096, location);
            if (status != 200) {
                Matcher code = ERROR_CODE.matcher(new String(body, StandardCharsets.UTF_8));
                throw new RosterUnavailableException("cannot read " + location + ": HTTP " + status
                        + (code.find() ? " " + code.group(1) : ""), null);
            }
            return new Document(location, body, takenAt(response.httpResponse().firstMatchingHeader(AS_OF_METADATA),
                    response.httpResponse().firstMatchingHeader("Last-Modified"), location));
        } catch (IOException unreachable) {
            throw new RosterUnavailableException("cannot read " + location + ": " + unreachable.getMessage(), unreachable);
        }
    }

    private URI uri(String bucket, String key) {
        String path = "/" + encode(key);
        if (endpointOverride != null) {
            String base = endpointOverride.toString().replaceAll("/+$", "");
            return URI.create(base + "/" + bucket + path);
        }
        return URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com" + path);
    }

    /** Each path segment percent-encoded as S3 expects (RFC 3986 unreserved characters kept, '/' kept). */
    static String encode(String key) {
        StringBuilder path = new StringBuilder();
        for (String segment : key.split("/", -1)) {
            if (path.length() > 0 || key.startsWith("/")) {
                path.append('/');
            }
            path.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                    .replace("%7E", "~"));
        }
        return path.toString();
    }

    private static byte[] read(Optional<AbortableInputStream> body, int limit, String location) throws IOException {
        if (body.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = body.get()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            int total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    if (limit == MAX_BYTES) {
                        throw new RosterUnavailableException(location + " is larger than the " + MAX_BYTES
                                + "-byte limit", null);
                    }
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static Instant takenAt(Optional<String> asOf, Optional<String> lastModified, String location) {
        if (asOf.isPresent()) {
            try {
                return OffsetDateTime.parse(asOf.get().trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw new RosterUnavailableException(location + ": metadata as-of '" + asOf.get()
                        + "' is not an RFC 3339 timestamp such as 2026-03-01T06:00:00Z", e);
            }
        }
        try {
            return lastModified.map(t -> ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                    .orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The S3 endpoint override from the standard AWS settings, or null. */
    static URI endpointFrom(java.util.Map<String, String> env) {
        for (String name : List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return URI.create(value.trim());
            }
        }
        return null;
    }

    /** The deployed reader: region, credentials and endpoint from the standard AWS settings. */
    public static S3RosterSource fromEnvironment(java.util.Map<String, String> env) {
        String region = env.getOrDefault("AWS_REGION", env.get("AWS_DEFAULT_REGION"));
        return new S3RosterSource(io.github.jmlidentity.identitycenter.sdk.HttpClients.forAws(),
                software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build(),
                region, endpointFrom(env));
    }
}
