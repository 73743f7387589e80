package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;

/**
 * Port: checks a release's artifact on this machine before anything is journalled or sent: that it is a regular
 * file (not a folder, a device, a FIFO, nor a symbolic link out of its folder), no larger than the settings allow,
 * and that its SHA-256 is the release's. Only for executors that read the artifact here
 * ({@link DeploymentExecutor#readsLocalArtifact()}).
 */
@FunctionalInterface
public interface ReleaseArtifacts {

    /**
     * What was checked.
     *
     * @param path  the artifact's absolute path, links resolved: the file that will be sent
     * @param bytes its size
     */
    record Checked(String path, long bytes) {
    }

    /**
     * @throws io.camfleet.console.service.common.Problem (BAD_INPUT) saying what is wrong with the artifact, in one sentence
     */
    Checked check(Release release);
}
