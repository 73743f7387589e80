package io.camfleet.console.adapter.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A release described in a JSON file, as pipelines hand it to {@code camfleet deploy --release RELEASE.json}:
 * <pre>{@code
 * {"name": "camos-agent", "version": "6.5.1", "kind": "hotfix", "artifact": "build/agent-6.5.1.tar.gz",
 *  "sha256": "…64 hex…", "install": "tar -xzf \"$1\" -C /opt/camos", "healthCheck": "/opt/camos/bin/selftest",
 *  "rollback": "/opt/camos/bin/rollback"}
 * }</pre>
 * Strict, because its scripts run on cameras: every value is a JSON string (a {@code "healthCheck": 5} is refused,
 * not run as {@code sh -c 5}); unknown and repeated keys are refused, so that a misspelt or doubled one is not
 * silently ignored. A relative artifact path is taken from the file's folder and must stay inside it, symbolic links
 * resolved: a release file cannot send {@code ../../etc/passwd} to the cameras. An absolute path is taken as given
 * (the dry run shows it).
 */
public final class ReleaseFile {

    private static final List<String> KEYS = List.of("name", "version", "kind", "artifact", "sha256", "install",
            "healthCheck", "rollback");
    /** A release file is a few lines; anything larger (or endless, as {@code /dev/zero}) is not one. */
    private static final long MOST_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ReleaseFile() {
    }

    /**
     * @throws Problem (BAD_INPUT) naming what is wrong: unreadable, not JSON, an unknown or repeated key, a value
     *                 that is not a string, an artifact outside the file's folder, or a bad field
     */
    public static Release read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(readSmall(file));
        } catch (JsonProcessingException e) {
            throw Problem.badInput("release.file.invalid", file, e.getOriginalMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            throw Problem.badInput("release.file.missing", file);
        } catch (IOException e) {
            throw Problem.badInput("release.file.unreadable", file, e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw Problem.badInput("release.file.invalid", file, "it is not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw Problem.badInput("release.file.invalid", file, "it has the key '" + name
                        + "', which a release does not have");
            }
            if (!root.get(name).isTextual()) {
                throw Problem.badInput("release.file.notText", file, name, root.get(name).toString());
            }
        }
        String kindText = root.path("kind").asText("");
        ReleaseKind kind;
        try {
            kind = ReleaseKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badInput("release.file.kind", file, kindText);
        }
        String artifact = root.path("artifact").asText("").strip();
        if (!artifact.isEmpty() && !artifact.startsWith("s3://")) {
            artifact = local(file, artifact);
        }
        return new Release(text(root, "name"), text(root, "version"), kind, artifact, text(root, "sha256"),
                text(root, "install"), text(root, "healthCheck"), text(root, "rollback"));
    }

    private static String text(JsonNode root, String key) {
        return root.has(key) ? root.get(key).textValue() : null;
    }

    private static String readSmall(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new IOException("it is not a regular file");
        }
        if (a.size() > MOST_BYTES) {
            throw new IOException("it is larger than 1 MB, too large for a release file");
        }
        return Files.readString(file);
    }

    /** The artifact's absolute path: a relative one from the file's folder, never leaving it. */
    private static String local(Path file, String artifact) {
        Path given;
        try {
            given = Path.of(artifact);
        } catch (InvalidPathException e) {
            throw Problem.badInput("release.file.invalid", file, "the artifact '" + artifact + "' is not a path ("
                    + e.getReason() + ")");
        }
        if (given.isAbsolute()) {
            return given.normalize().toString();
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path resolved = folder.resolve(given).normalize();
        if (!resolved.startsWith(folder) || leavesByLink(folder, resolved)) {
            throw Problem.badInput("release.file.artifactOutside", file, artifact, folder);
        }
        return resolved.toString();
    }

    /** Whether symbolic links take the path out of the folder; a missing file is the launch's to name. */
    private static boolean leavesByLink(Path folder, Path resolved) {
        try {
            return !resolved.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException missing) {
            return false;
        }
    }
}
