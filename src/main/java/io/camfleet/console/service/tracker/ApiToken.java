package io.camfleet.console.service.tracker;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A tracker's API token, read from the environment and held only in memory. It never prints: {@link #toString()}
 * hides it, so that no message, log line or record's text can carry it by accident.
 */
public final class ApiToken {

    private final String secret;

    public ApiToken(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("An API token is not blank");
        }
        this.secret = secret.strip();
    }

    /** The value of an HTTP Basic {@code Authorization} header for {@code user} with this token. */
    public String basicAuthorization(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "[API token hidden]";
    }
}
