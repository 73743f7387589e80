package io.camfleet.console.adapter.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A release described in a JSON file, as pipelines hand it to {@code camfleet deploy --release RELEASE.json}:
 * <pre>{@code
 * {"name": "camos-agent", "version": "6.5.1", "kind": "hotfix", "artifact": "build/agent-6.5.1.tar.gz",
 *  "sha256": "…64 hex…", "install": "tar -xzf \"$1\" -C /opt/camos", "healthCheck": "/opt/camos/bin/selftest",
 *  "rollback": "/opt/camos/bin/rollback"}
 * }</pre>
 * A relative artifact path is taken from the file's folder. Unknown keys are refused, so that a misspelt one is not
 * silently ignored.
 */
public final class ReleaseFile {

    /** The file's shape. */
    record Json(String name, String version, String kind, String artifact, String sha256, String install,
                String healthCheck, String rollback) {
    }

    private ReleaseFile() {
    }

    /**
     * @throws Problem (BAD_INPUT) naming what is wrong: unreadable, not JSON, an unknown key, or a bad field
     */
    public static Release read(Path file) {
        Json j;
        try {
            j = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Files.readString(file), Json.class);
        } catch (JsonProcessingException e) {
            throw Problem.badInput("release.file.invalid", file, e.getOriginalMessage());
        } catch (IOException e) {
            throw Problem.badInput("release.file.unreadable", file, e.getMessage());
        }
        if (j == null) {
            throw Problem.badInput("release.file.invalid", file, "it is empty");
        }
        ReleaseKind kind;
        try {
            kind = ReleaseKind.valueOf(String.valueOf(j.kind()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badInput("release.file.kind", file, j.kind());
        }
        String artifact = j.artifact() == null ? "" : j.artifact().strip();
        if (!artifact.isEmpty() && !artifact.startsWith("s3://")) {
            Path p = Path.of(artifact);
            artifact = (p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p)).normalize().toString();
        }
        return new Release(j.name(), j.version(), kind, artifact, j.sha256(), j.install(), j.healthCheck(),
                j.rollback());
    }
}
