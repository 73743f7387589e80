package io.camfleet.console.service.deploy;

import io.camfleet.console.service.common.SettingsSection;

/**
 * Deployment settings kept in {@code settings.json}, read by the window and the CLI alike.
 *
 * @param maxArtifactMegabytes the largest artifact a release may have, in MiB (1 to 1,048,576); a larger one is
 *                             refused at launch rather than read for minutes and sent to every camera
 */
public record DeploySettings(long maxArtifactMegabytes) {

    public static final DeploySettings DEFAULT = new DeploySettings(2048);
    private static final long MOST_MEGABYTES = 1L << 20;

    /** Limits on deployments, in the settings file; a limit out of bounds makes the section unreadable. */
    public static final SettingsSection<DeploySettings> SECTION = SettingsSection.of("deploy", DEFAULT, Stored.class,
            s -> s.maxArtifactMegabytes == null ? DEFAULT : new DeploySettings(s.maxArtifactMegabytes),
            d -> new Stored(d.maxArtifactMegabytes));

    public DeploySettings {
        if (maxArtifactMegabytes < 1 || maxArtifactMegabytes > MOST_MEGABYTES) {
            throw new IllegalArgumentException("The largest artifact must be from 1 to " + MOST_MEGABYTES
                    + " MB, not " + maxArtifactMegabytes + ".");
        }
    }

    public long maxArtifactBytes() {
        return maxArtifactMegabytes << 20;
    }

    /** As kept in the file. */
    record Stored(Long maxArtifactMegabytes) {
    }
}
