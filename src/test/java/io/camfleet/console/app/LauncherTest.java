package io.camfleet.console.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's entry point on a Java too old for the console: one sentence and exit 3, not an
 * {@code UnsupportedClassVersionError}. Runs the launcher class as the jar runs it, on the machine's Java 17.
 */
class LauncherTest {

    @Test
    void onJava17TheLauncherSaysWhichJavaItNeedsInOneSentence() throws Exception {
        Optional<Path> java17 = java("17");
        if (java17.isEmpty()) {
            System.err.println("LauncherTest: SKIPPED, no Java 17 under /usr/lib/jvm; the launcher was not tried on"
                    + " an old Java");
            Assumptions.assumeTrue(!"true".equals(System.getenv("CI")), "no Java 17 on CI");
            Assumptions.abort("no Java 17 under /usr/lib/jvm");
        }
        Run run = run(java17.get(), "--version");

        assertThat(run.exit).as(run.err).isEqualTo(3);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).doesNotContain("\n", "Exception", "Error")
                .startsWith("camfleet: CamFleet Console needs Java 21 or newer, found 17 (");
    }

    @Test
    void onThisJavaTheLauncherHandsOverToTheConsole() throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Run run = run(java, "--version");

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).startsWith("CamFleet Console ");
    }

    @Test
    void theJarStartsTheLauncher() throws IOException {
        // The jar plugin's manifest: the launcher, never the console's Main directly.
        String pom = Files.readString(Path.of("pom.xml"));
        String jarPlugin = pom.substring(pom.indexOf("<artifactId>maven-jar-plugin</artifactId>"));
        jarPlugin = jarPlugin.substring(0, jarPlugin.indexOf("</plugin>"));
        assertThat(jarPlugin).contains("<mainClass>io.camfleet.console.app.Launcher</mainClass>");
    }

    @Test
    void theFeatureReleaseIsReadFromOldAndNewVersionStrings() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("21")).isEqualTo(21);
        assertThat(Launcher.feature("25.0.1")).isEqualTo(25);
        assertThat(Launcher.feature("x")).isZero();
    }

    private record Run(int exit, String out, String err) {
    }

    /** {@code JAVA -cp … Launcher ARGS}: the class the jar's manifest names, on the console's class path. */
    private static Run run(Path javaCommand, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaCommand.toString(), "-cp",
                System.getProperty("java.class.path"), "-Dlogback.configurationFile=logback.xml",
                Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Optional<Path> java(String feature) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> all = Files.list(jvms)) {
            return all.filter(p -> p.getFileName().toString().contains("-" + feature))
                    .map(p -> p.resolve("bin").resolve("java")).filter(Files::isExecutable).sorted().findFirst();
        }
    }
}
