package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A REST-JSON AWS API called by hand, signed with SigV4 by the SDK's signer over the console's one HTTP client: for
 * the APIs whose SDK module the console does not ship (Amazon Inspector v2's, whose module is not published for the
 * SDK version the console is on). Credentials come from the same provider chain as every other client.
 */
public final class SignedJsonCall {

    /** What came back: the HTTP status and the body (at most {@link #MAX_BODY} bytes). */
    public record Reply(int status, String body) {
    }

    static final int MAX_BODY = 32 * 1024 * 1024;

    private final Environment environment;
    private final String service;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;

    SignedJsonCall(Environment environment, String service, AwsCredentialsProvider credentials, SdkHttpClient http) {
        this.environment = environment;
        this.service = service;
        this.credentials = credentials;
        this.http = http;
    }

    public Environment environment() {
        return environment;
    }

    /** POSTs {@code json} to {@code path} of the service's regional endpoint (or the environment's override). */
    public Reply post(String path, String json) {
        URI base = environment.endpoint() != null ? environment.endpoint()
                : URI.create("https://" + service + "." + environment.region() + ".amazonaws.com");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(base.resolve(path)).putHeader("Content-Type", "application/json").build();
        ContentStreamProvider payload = ContentStreamProvider.fromUtf8String(json);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, environment.region()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(payload)).build()).call();
            String body = "";
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    byte[] bytes = in.readNBytes(MAX_BODY + 1);
                    if (bytes.length > MAX_BODY) {
                        throw SdkClientException.create(service + " answered more than " + MAX_BODY + " bytes");
                    }
                    body = new String(bytes, StandardCharsets.UTF_8);
                }
            }
            return new Reply(response.httpResponse().statusCode(), body);
        } catch (IOException e) {
            throw SdkClientException.builder().message("Unable to execute HTTP request: " + e.getMessage())
                    .cause(e).build();
        } catch (UncheckedIOException e) {
            throw SdkClientException.builder().message("Unable to execute HTTP request: " + e.getMessage())
                    .cause(e.getCause()).build();
        }
    }
}
