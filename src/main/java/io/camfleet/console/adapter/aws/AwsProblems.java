package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.common.Problem;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/** Turns what the SDK throws into one sentence the operator can act on. */
final class AwsProblems {

    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
            "TokenRefreshRequired");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch",
            "UnauthorizedOperation", "AuthFailure");

    private AwsProblems() {
    }

    static Problem of(Environment e, String operation, SdkException error) {
        String profile = e.profileOrDefault();
        if (error instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null ? ""
                    : service.awsErrorDetails().errorCode();
            String detail = service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null
                    ? "HTTP " + service.statusCode() + " " + code : service.awsErrorDetails().errorMessage();
            if (EXPIRED.contains(code)) {
                return new Problem(error, "aws.expired", profile);
            }
            if (DENIED.contains(code) || service.statusCode() == 403) {
                return new Problem(error, "aws.denied", profile, operation, detail);
            }
            return new Problem(error, "aws.failed", profile, operation, detail);
        }
        String message = String.valueOf(error.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        // The SDK's words when an SSO sign-in has run out: "The SSO session associated with this profile has
        // expired or is otherwise invalid. To refresh this SSO session run aws sso login ...".
        if (lower.contains("sso session associated with this profile") || lower.contains("run aws sso login")) {
            return new Problem(error, "aws.ssoExpired", profile);
        }
        if (lower.contains("unable to load credentials") || lower.contains("profile file contained no credentials")
                || lower.contains("no credentials") || lower.contains("does not exist")) {
            return new Problem(error, "aws.noCredentials", profile);
        }
        if (error instanceof SdkClientException && network(error)) {
            String where = e.endpoint() != null ? e.endpoint().toString() : e.region();
            return new Problem(error, "aws.unreachable", where, rootMessage(error));
        }
        return new Problem(error, "aws.failed", profile, operation, message);
    }

    private static boolean network(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException
                    || c instanceof java.net.http.HttpConnectTimeoutException
                    || c instanceof java.net.SocketTimeoutException || (c instanceof IOException && c != t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
