package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Request;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static io.camfleet.console.adapter.google.FakeDirectoryRoutes.form;
import static io.camfleet.console.adapter.google.FakeDirectoryRoutes.json;

/** The fake's OAuth token endpoint ({@code POST /token}) and the tokens it issued, with their scopes. */
final class FakeTokenEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The audience google-auth-library puts in every assertion, whichever endpoint it posts it to. */
    private static final String GOOGLE_AUDIENCE = "https://oauth2.googleapis.com/token";

    private final FakeGoogleDirectory fake;
    /** Token → the scopes it was granted; a revoked token is removed. */
    private final Map<String, Set<String>> tokens = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();

    FakeTokenEndpoint(FakeGoogleDirectory fake) {
        this.fake = fake;
    }

    /** The scopes of a token issued and not revoked; null for any other. */
    Set<String> scopes(String token) {
        return tokens.get(token);
    }

    void revokeAll() {
        tokens.clear();
    }

    /** RFC 7523 JWT-bearer grant: the assertion must be signed by the run's key and name the account and admin. */
    ResponseDefinition answer(Request r) {
        Map<String, String> form = form(r.body());
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
            return oauthError("unsupported_grant_type", "Invalid grant_type: " + form.get("grant_type"));
        }
        String[] parts = form.getOrDefault("assertion", "").split("\\.");
        if (parts.length != 3) {
            return oauthError("invalid_grant", "Invalid JWT: not three parts");
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(fake.key.publicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return oauthError("invalid_grant", "Invalid JWT Signature.");
            }
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long now = Instant.now().getEpochSecond();
            if (!"RS256".equals(header.path("alg").asText())
                    || !FakeGoogleDirectory.ACCOUNT.equals(claims.path("iss").asText())
                    || !GOOGLE_AUDIENCE.equals(claims.path("aud").asText())
                    || claims.path("exp").asLong() < now || claims.path("iat").asLong() > now + 60) {
                return oauthError("invalid_grant", "Invalid JWT: " + claims);
            }
            if (!FakeGoogleDirectory.ADMIN.equals(claims.path("sub").asText())) {
                return oauthError("unauthorized_client",
                        "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.");
            }
            String scope = claims.path("scope").asText("");
            if (scope.isBlank()) {
                return oauthError("invalid_scope", "Invalid OAuth scope or ID token audience provided.");
            }
            String token = "ya29.fake-" + ids.incrementAndGet();
            tokens.put(token, Set.of(scope.split(" ")));
            return json(200, JSON.createObjectNode().put("access_token", token).put("expires_in", 3599)
                    .put("token_type", "Bearer"));
        } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
            return oauthError("invalid_grant", "Invalid JWT: " + e.getMessage());
        }
    }

    private static ResponseDefinition oauthError(String error, String description) {
        return json(400, JSON.createObjectNode().put("error", error).put("error_description", description));
    }
}
