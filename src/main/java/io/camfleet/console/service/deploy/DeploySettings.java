package io.camfleet.console.service.deploy;

import io.camfleet.console.service.common.SettingsSection;

/**
 * Deployment settings kept in {@code settings.json}, read by the window and the CLI alike.
 *
 * @param maxArtifactMegabytes the largest artifact a release may have, in MiB (1 to 1,048,576); a larger one is
 *                             refused at launch rather than read for minutes and sent to every camera
 * @param ssmTagTargets        whether an SSM wave of more than 50 EC2 instances is one command targeted by a tag the
 *                             console sets on them (true), or parts of 50 instance ids (false: where tags cannot be used)
 */
public record DeploySettings(long maxArtifactMegabytes, boolean ssmTagTargets) {

    private static final boolean DEFAULT_TAG_TARGETS = true;
    public static final DeploySettings DEFAULT = new DeploySettings(2048, DEFAULT_TAG_TARGETS);
    private static final long MOST_MEGABYTES = 1L << 20;

    /** Limits on deployments, in the settings file; a limit out of bounds makes the section unreadable. */
    public static final SettingsSection<DeploySettings> SECTION = SettingsSection.of("deploy", DEFAULT, Stored.class,
            s -> new DeploySettings(s.maxArtifactMegabytes == null ? DEFAULT.maxArtifactMegabytes
                    : s.maxArtifactMegabytes, s.ssmTagTargets == null ? DEFAULT.ssmTagTargets : s.ssmTagTargets),
            d -> new Stored(d.maxArtifactMegabytes, d.ssmTagTargets));

    public DeploySettings {
        if (maxArtifactMegabytes < 1 || maxArtifactMegabytes > MOST_MEGABYTES) {
            throw new IllegalArgumentException("The largest artifact must be from 1 to " + MOST_MEGABYTES
                    + " MB, not " + maxArtifactMegabytes + ".");
        }
    }

    /** Tag targets on, as before they could be turned off. */
    public DeploySettings(long maxArtifactMegabytes) {
        this(maxArtifactMegabytes, DEFAULT_TAG_TARGETS);
    }

    public long maxArtifactBytes() {
        return maxArtifactMegabytes << 20;
    }

    /** As kept in the file. */
    record Stored(Long maxArtifactMegabytes, Boolean ssmTagTargets) {
    }
}
