package io.camfleet.console.app;

import io.camfleet.console.adapter.files.ReleaseFile;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.app.features.FleetFeature;
import io.camfleet.console.ui.shell.WindowSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the README shows works as copied: its release file, the sample release in docs/, the screen it opens on. */
class ReadmeTest {

    private static final Path README = Path.of("README.md");

    @TempDir
    Path dir;

    @Test
    void theReleaseFileOfTheReadmeIsReadByTheReleaseReader() throws Exception {
        Matcher block = Pattern.compile("\\*\\*Release file\\*\\* \\(`--release`\\)[^\\n]*\\n\\n```json\\n(.*?)```",
                Pattern.DOTALL).matcher(Files.readString(README));
        assertThat(block.find()).as("the README's release file block").isTrue();
        Path file = Files.writeString(dir.resolve("release.json"), block.group(1));

        Release release = ReleaseFile.read(file);

        assertThat(release.problems()).as("what a launch would refuse").isEmpty();
        assertThat(release.label()).startsWith("camos-agent 6.5.1");
        assertThat(release.artifact()).endsWith("agent-6.5.1.tar.gz");
    }

    @Test
    void theSampleReleaseInDocsRunsOnTheDemoFleetWithTheDemoExecutor() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        String data = dir.resolve("data").toString();

        int dryRun = cli.run("deploy", "--release", "docs/sample-release.json", "--targets", "region:OC", "--plan",
                "docs/plan-staged.json", "--dry-run", "--data-dir", data);
        assertThat(dryRun).as(cli.err()).isZero();
        assertThat(cli.out()).contains("camos-agent 6.6.0", "DEMO", "sample-agent-6.6.0.tar.gz");

        Path quick = Files.writeString(dir.resolve("plan.json"), "{\"waves\": \"50%\", \"maxConcurrency\": 50,"
                + " \"failureThreshold\": \"20%\", \"maintenanceWindows\": \"ignore\"}");
        int rollout = cli.run("deploy", "--release", "docs/sample-release.json", "--targets", "region:OC", "--plan",
                quick.toString(), "--wait", "--data-dir", data);
        assertThat(rollout).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("(camos-agent 6.6.0): SUCCEEDED");
    }

    @Test
    void theReadmeNamesTheScreenANewWindowOpensOn() throws Exception {
        // A new window opens on the screen the settings remember by default, and the fleet feature makes it the home.
        assertThat(WindowSettings.DEFAULT.lastScreen()).isEqualTo(FleetFeature.TABLE.id());
        String readme = Files.readString(README);
        assertThat(readme).contains("**Fleet table** (the first screen on a new data folder")
                .doesNotContain("**Fleet map** (the first screen)");
    }
}
