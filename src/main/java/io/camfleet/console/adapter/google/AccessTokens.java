package io.camfleet.console.adapter.google;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.camfleet.console.service.common.Problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The OAuth access token of the service account acting as the admin (domain-wide delegation), fetched from the
 * token endpoint when there is none or it is about to expire, and on demand when the API says it is no longer valid.
 * The token is kept in memory only.
 */
final class AccessTokens {

    /** A token this close to its end is renewed before use rather than sent to expire on the way. */
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final GoogleCredentials credentials;
    private final Clock clock;
    private final String account;
    private final String subject;
    private final Duration timeout;
    private AccessToken token;

    /**
     * @param account the service account's email, for messages
     * @param subject the admin it acts as, for messages
     * @param timeout the longest a token request is waited for (the library's own timeouts are 20 s each for the
     *                connection and the answer, and it retries: this bounds the whole)
     */
    AccessTokens(GoogleCredentials credentials, Clock clock, String account, String subject, Duration timeout) {
        this.credentials = credentials;
        this.clock = clock;
        this.account = account;
        this.subject = subject;
        this.timeout = timeout;
    }

    /** A token valid for a while yet, fetched first if needed (a call counted in {@code calls}). */
    synchronized String current(DirectoryCalls.Calls calls) {
        Instant now = clock.instant();
        if (token == null || token.getExpirationTime() != null
                && !token.getExpirationTime().toInstant().isAfter(now.plus(MARGIN))) {
            fetch(calls);
        }
        return token.getTokenValue();
    }

    /** Fetches a new token even though the one held has not expired by the clock: the API refused it. */
    synchronized void renew(String refused, DirectoryCalls.Calls calls) {
        if (token != null && !token.getTokenValue().equals(refused)) {
            return; // another thread renewed it meanwhile
        }
        fetch(calls);
    }

    private void fetch(DirectoryCalls.Calls calls) {
        calls.add();
        FutureTask<AccessToken> request = new FutureTask<>(credentials::refreshAccessToken);
        Thread.ofVirtual().name("google-token").start(request);
        try {
            token = request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.cancel(true);
            throw new Problem("devices.google.tokenTimeout", account, timeout.toSeconds());
        } catch (InterruptedException e) {
            request.cancel(true);
            Thread.currentThread().interrupt();
            throw new Problem("devices.google.interrupted", "token");
        } catch (ExecutionException e) {
            // The endpoint's answer names the refusal (invalid_grant, unauthorized_client); it never holds the key.
            Throwable cause = e.getCause();
            throw new Problem(cause, "devices.google.tokenRefused", account, subject,
                    DirectoryCalls.oneLine(cause.getMessage()));
        }
        if (token == null || token.getTokenValue() == null) {
            throw new Problem("devices.google.tokenRefused", account, subject, "no token in the answer");
        }
    }
}
