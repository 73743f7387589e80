package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.camfleet.console.service.common.Problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the service account's JSON key where the user keeps it, into credentials that act as the admin (domain-wide
 * delegation) and fetch their tokens from the configured endpoint. The key is read into memory once and never copied,
 * logged or shown: every message about it names the file and what is wrong with it, never its content, and no
 * parser's message (which could quote the content) is passed on.
 */
final class ServiceAccountKey {

    /** A key file is about 2.4 KB; anything far larger is not one (and is not read whole). */
    private static final long MAX_BYTES = 64 * 1024;

    /**
     * @param account the service account's email, for messages
     */
    record Loaded(GoogleCredentials credentials, String account) {
    }

    private ServiceAccountKey() {
    }

    static Loaded load(String keyFile, List<String> scopes, String subject, URI tokenUri) {
        if (keyFile.isBlank()) {
            throw Problem.badInput("devices.google.keyNotSet");
        }
        Path path;
        try {
            path = Path.of(keyFile);
        } catch (InvalidPathException e) {
            throw Problem.badInput("devices.google.keyMissing", keyFile);
        }
        if (!Files.exists(path)) {
            throw Problem.badInput("devices.google.keyMissing", keyFile);
        }
        byte[] bytes = read(path, keyFile);
        try {
            JsonNode key;
            try {
                key = DirectoryCalls.JSON.readTree(bytes);
            } catch (IOException e) {
                throw Problem.badInput("devices.google.keyNotServiceAccount", keyFile);
            }
            if (key == null || !key.isObject() || !"service_account".equals(DirectoryJson.text(key, "type"))) {
                throw Problem.badInput("devices.google.keyNotServiceAccount", keyFile);
            }
            for (String field : List.of("client_email", "private_key", "private_key_id", "client_id")) {
                if (DirectoryJson.text(key, field).isBlank()) {
                    throw Problem.badInput("devices.google.keyIncomplete", keyFile, field);
                }
            }
            String account = DirectoryJson.text(key, "client_email");
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                ServiceAccountCredentials credentials = ServiceAccountCredentials.fromStream(in).toBuilder()
                        .setTokenServerUri(tokenUri).build();
                return new Loaded(credentials.createScoped(scopes).createDelegated(subject), account);
            } catch (IOException | RuntimeException e) {
                // e.g. a private key that is not PKCS#8 PEM; the library's message may quote it.
                throw Problem.badInput("devices.google.keyNotServiceAccount", keyFile);
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static byte[] read(Path path, String keyFile) {
        try {
            if (Files.isDirectory(path) || Files.size(path) > MAX_BYTES) {
                throw Problem.badInput("devices.google.keyNotServiceAccount", keyFile);
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw Problem.badInput("devices.google.keyUnreadable", keyFile, e.getClass().getSimpleName());
        }
    }
}
