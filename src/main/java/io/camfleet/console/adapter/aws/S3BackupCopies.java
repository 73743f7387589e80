package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.backup.OffsiteCopies;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Copies config backup versions to S3 as {@code prefix/camera/version.zip}. The SDK sends the zip's SHA-256 with it
 * and S3 refuses an object that arrives otherwise; the version's own checksum goes along as metadata, so that a copy
 * found alone says which version it is.
 */
public final class S3BackupCopies implements OffsiteCopies {

    /** Metadata keys on each object (S3 sends them as {@code x-amz-meta-...}). */
    public static final String CHECKSUM = "camfleet-version-checksum";
    public static final String CAMERA = "camfleet-camera";
    public static final String VERSION = "camfleet-version";

    private final Supplier<AwsClients> clients;
    private final Supplier<List<Environment>> environments;

    /**
     * @param clients      the console's AWS clients, asked for only when a version is put
     * @param environments the configured environments; the settings' {@code environment} names one by its label, or
     *                     the first is used
     */
    public S3BackupCopies(Supplier<AwsClients> clients, Supplier<List<Environment>> environments) {
        this.clients = clients;
        this.environments = environments;
    }

    /** {@code prefix/camera/number.zip}, the prefix without a trailing slash; no prefix, no leading slash. */
    public static String key(String prefix, String cameraId, int number) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return (p.isEmpty() ? "" : p + "/") + cameraId + "/" + number + ".zip";
    }

    @Override
    public String put(BackupSettings settings, BackupVersion version, byte[] zip) {
        String key = key(settings.s3Prefix(), version.cameraId(), version.number());
        Environment env = environment(settings, version, key);
        try {
            clients.get().s3(env).putObject(PutObjectRequest.builder()
                    .bucket(settings.s3Bucket())
                    .key(key)
                    .contentType("application/zip")
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                    .metadata(Map.of(CHECKSUM, version.checksum(), CAMERA, version.cameraId(),
                            VERSION, Integer.toString(version.number())))
                    .build(), RequestBody.fromBytes(zip));
            return key;
        } catch (SdkException e) {
            throw new Problem(e, "backup.offsiteFailed", version.cameraId(), settings.s3Bucket(), key,
                    stripped(AwsProblems.of(env, "PutObject", e).getMessage()));
        }
    }

    /** A sentence set inside another: without its final full stop. */
    private static String stripped(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private Environment environment(BackupSettings settings, BackupVersion version, String key) {
        List<Environment> all = environments.get();
        return all.stream()
                .filter(e -> settings.environment().isEmpty() || e.label().equals(settings.environment()))
                .findFirst()
                .orElseThrow(() -> new Problem("backup.offsiteFailed", version.cameraId(), settings.s3Bucket(), key,
                        settings.environment().isEmpty() ? "no AWS environment is configured"
                                : "there is no AWS environment " + settings.environment()));
    }
}
