package io.camfleet.console.adapter.google;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A service account key made for one test run: a fresh RSA 2048 key pair, written in Google's JSON key format
 * ({@code type}, {@code private_key} as PKCS#8 PEM, {@code client_email}...) into a temporary folder. No key file is
 * ever committed; the fake's token endpoint checks assertions against the public half.
 *
 * @param privatePem the private key's PEM, so that tests can check it appears in no message or log
 */
public record TestServiceAccountKey(Path file, RSAPublicKey publicKey, String clientEmail, String privatePem) {

    /** Writes {@code service-account.json} into {@code folder}. */
    public static TestServiceAccountKey write(Path folder, String clientEmail, String tokenUri) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            var key = DirectoryCalls.JSON.createObjectNode()
                    .put("type", "service_account")
                    .put("project_id", "camfleet-test")
                    .put("private_key_id", "0123456789abcdef0123456789abcdef01234567")
                    .put("private_key", pem)
                    .put("client_email", clientEmail)
                    .put("client_id", "109876543210987654321")
                    .put("auth_uri", "https://accounts.google.com/o/oauth2/auth")
                    .put("token_uri", tokenUri)
                    .put("universe_domain", "googleapis.com");
            Path file = folder.resolve("service-account.json");
            Files.writeString(file, key.toPrettyString());
            return new TestServiceAccountKey(file, (RSAPublicKey) pair.getPublic(), clientEmail, pem);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 body of the private key, without its PEM lines: what must never show anywhere. */
    public String secretPart() {
        return privatePem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();
    }
}
