package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.deploy.ShellQuote;

import java.util.List;

/**
 * The POSIX shell script that one SSM command runs on every camera of a wave: every step of a release, in the same
 * layout as over SSH ({@code <root>/releases/<name>-<version>/artifact}, the version marker {@code <root>/version}
 * and the one before, {@code version.previous}); scripts run as {@code sh -c SCRIPT camfleet ARTIFACT}.
 *
 * <ol>
 *   <li>The version marker already names the release's version: prints {@link #AT_VERSION} and the version as its
 *       first line and exits 0 (an exit status other than 0 would count against SSM's MaxErrors).</li>
 *   <li>Downloads the artifact from S3 with the camera's own {@code aws} CLI and checks its SHA-256.</li>
 *   <li>Runs the install; only then moves the version marker, keeping the one before.</li>
 *   <li>Runs the health check; when it fails, runs the rollback and puts the marker before back.</li>
 * </ol>
 *
 * Each outcome has its exit status, so the outcome is known without reading the output (SSM keeps only its first
 * 24,000 characters). The script never exits with a status of the release's own scripts: one of them exiting 194
 * would make the SSM agent reboot the camera.
 *
 * <p>Every value from the release is one quoted word ({@link ShellQuote}); none is ever parsed as shell syntax.
 */
final class SsmScript {

    /** The first output line of a camera already at the version, followed by the version. */
    static final String AT_VERSION = "camfleet-result: already-at-version ";
    static final int DOWNLOAD_FAILED = 10;
    static final int CHECKSUM_MISMATCH = 11;
    static final int INSTALL_FAILED = 12;
    static final int MARKER_FAILED = 13;
    static final int ROLLED_BACK = 14;
    static final int ROLLBACK_FAILED = 15;

    private SsmScript() {
    }

    /** The script, one line per element (as {@code AWS-RunShellScript} takes its {@code commands}). */
    static List<String> lines(String installRoot, Release release) {
        String q = ShellQuote.quote(release.version());
        String sum = ShellQuote.quote(release.sha256());
        return List.of(
                "root=" + ShellQuote.quote(installRoot),
                "version=" + q,
                "dir=" + ShellQuote.quote(installRoot + "/releases/" + release.name() + "-" + release.version()),
                "artifact=\"$dir/artifact\"",
                "marker=\"$root/version\"",
                "if [ -f \"$marker\" ] && [ \"$(cat -- \"$marker\")\" = \"$version\" ]; then",
                "  printf '" + AT_VERSION + "%s\\n' \"$version\"",
                "  exit 0",
                "fi",
                "echo 'camfleet-step: download'",
                "mkdir -p -- \"$dir\" || exit " + DOWNLOAD_FAILED,
                "aws s3 cp --no-progress " + ShellQuote.quote(release.artifact()) + " \"$artifact\" || exit "
                        + DOWNLOAD_FAILED,
                "echo 'camfleet-step: checksum'",
                "sum=$(sha256sum -- \"$artifact\") || exit " + CHECKSUM_MISMATCH,
                "sum=${sum%% *}",
                "if [ \"$sum\" != " + sum + " ]; then",
                "  printf 'camfleet-result: the artifact has SHA-256 %s, not %s\\n' \"$sum\" " + sum,
                "  exit " + CHECKSUM_MISMATCH,
                "fi",
                "echo 'camfleet-step: install'",
                "sh -c " + ShellQuote.quote(release.installScript()) + " camfleet \"$artifact\" || exit "
                        + INSTALL_FAILED,
                "if [ -f \"$marker\" ]; then cp -- \"$marker\" \"$marker.previous\" || exit " + MARKER_FAILED
                        + "; else rm -f -- \"$marker.previous\"; fi",
                "printf '%s\\n' \"$version\" > \"$marker\" || exit " + MARKER_FAILED,
                "echo 'camfleet-step: health check'",
                "if sh -c " + ShellQuote.quote(release.healthCheck()) + " camfleet \"$artifact\"; then",
                "  printf 'camfleet-result: installed %s\\n' \"$version\"",
                "  exit 0",
                "fi",
                "echo 'camfleet-step: rollback'",
                "if sh -c " + ShellQuote.quote(release.rollbackScript()) + " camfleet \"$artifact\"; then",
                "  if [ -f \"$marker.previous\" ]; then mv -- \"$marker.previous\" \"$marker\"; "
                        + "else rm -f -- \"$marker\"; fi && exit " + ROLLED_BACK,
                "fi",
                "exit " + ROLLBACK_FAILED);
    }
}
