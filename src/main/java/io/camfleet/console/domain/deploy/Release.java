package io.camfleet.console.domain.deploy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a deployment installs: a versioned artifact with its checksum and the three scripts that install it, check
 * the camera's health afterwards, and roll it back. Scripts run on the camera with the artifact's path as their
 * first argument.
 *
 * @param artifact       a local file path, or an S3 object as {@code s3://bucket/key}
 * @param sha256         the artifact's SHA-256, 64 hex digits; checked before upload and again on the host
 * @param installScript  shell script run to install the artifact
 * @param healthCheck    shell command whose exit status 0 means the camera is healthy on the new version
 * @param rollbackScript shell script that brings back the version before
 */
public record Release(String name, String version, ReleaseKind kind, String artifact, String sha256,
                      String installScript, String healthCheck, String rollbackScript) {

    /**
     * A name or a version: safe path characters only, starting with a letter or digit. Both become one folder name,
     * {@code releases/NAME-VERSION}, on every camera: no slash, no leading dot, so it never leaves the install root.
     */
    private static final String SAFE = "[A-Za-z0-9][A-Za-z0-9._+~-]*";

    public Release {
        Objects.requireNonNull(kind, "kind");
        name = strip(name);
        version = strip(version);
        artifact = strip(artifact);
        sha256 = strip(sha256).toLowerCase(Locale.ROOT);
        installScript = installScript == null ? "" : installScript;
        healthCheck = healthCheck == null ? "" : healthCheck;
        rollbackScript = rollbackScript == null ? "" : rollbackScript;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** Whether the artifact is an S3 object rather than a local file. */
    public boolean inS3() {
        return artifact.startsWith("s3://");
    }

    /** What can be wrong with a release; the messages bundle says each in words ({@code release.problem.NAME}). */
    public enum Problem {
        NAME,
        VERSION,
        ARTIFACT_MISSING,
        ARTIFACT_NOT_S3,
        SHA256,
        INSTALL_SCRIPT,
        HEALTH_CHECK,
        ROLLBACK_SCRIPT
    }

    /** What is wrong with this release; empty when it can be deployed. */
    public List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        if (name.length() > 128 || !name.matches(SAFE)) {
            out.add(Problem.NAME);
        }
        if (version.length() > 64 || !version.matches(SAFE)) {
            out.add(Problem.VERSION);
        }
        if (artifact.isEmpty()) {
            out.add(Problem.ARTIFACT_MISSING);
        } else if (inS3() && !artifact.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.+")) {
            out.add(Problem.ARTIFACT_NOT_S3);
        }
        if (sha256.length() != 64 || !isHex(sha256)) {
            out.add(Problem.SHA256);
        }
        if (installScript.isBlank()) {
            out.add(Problem.INSTALL_SCRIPT);
        }
        if (healthCheck.isBlank()) {
            out.add(Problem.HEALTH_CHECK);
        }
        if (rollbackScript.isBlank()) {
            out.add(Problem.ROLLBACK_SCRIPT);
        }
        return out;
    }

    private static boolean isHex(String s) {
        try {
            HexFormat.of().parseHex(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** How the release is named to people: {@code camos-agent 6.5.0 (hotfix)}. */
    public String label() {
        return name + " " + version + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
    }
}
