package io.camfleet.console.cli;

import java.nio.file.Path;

/**
 * How the window was asked to start.
 *
 * @param dataDir   {@code --data-dir}, or null for the default
 * @param demoSites size of the demo fleet
 * @param seed      seed of the demo fleet
 */
public record LaunchOptions(Path dataDir, int demoSites, long seed) {
}
