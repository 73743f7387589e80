package io.camfleet.console.app;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.util.FileSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's log file appender, on real files, in a logging context of its own. */
class LogSetupTest {

    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();

    private Logger logger(FileSize size) {
        context.setMDCAdapter(new LogbackMDCAdapter());
        Logger log = context.getLogger("camfleet.test");
        log.addAppender(LogSetup.fileAppender(context, dir, "camfleet-20260101T000000Z-1", size));
        return log;
    }

    @Test
    void theFileRollsAtItsSizeKeepsThreeOlderOnesAndEachIsTheUsersAlone() throws Exception {
        Logger log = logger(FileSize.valueOf("8KB"));
        String line = "x".repeat(200);
        // Each burst outgrows the file; the size is looked at once a second.
        for (int burst = 0; burst < 5; burst++) {
            for (int i = 0; i < 50; i++) {
                log.info("{} {}", burst, line);
            }
            Thread.sleep(LogSetup.SIZE_CHECK.getMilliseconds() + 100);
        }
        context.stop();

        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.sorted().toList();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString())).containsExactly(
                "camfleet-20260101T000000Z-1.1.log", "camfleet-20260101T000000Z-1.2.log",
                "camfleet-20260101T000000Z-1.3.log", "camfleet-20260101T000000Z-1.log");
        for (Path f : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                    .isEqualTo("rw-------");
            assertThat(Files.size(f)).as(f.toString()).isLessThan(16 * 1024);
        }
        assertThat(Files.readString(dir.resolve("camfleet-20260101T000000Z-1.log"))).contains("INFO  [", " 4 xxx");
    }

    @Test
    void secretsInAMessageItsArgumentsAndAnExceptionWithItsCausesNeverReachTheFile() throws Exception {
        Logger log = logger(LogSetup.FILE_SIZE);
        Exception cause = new IllegalStateException("profile uses AKIAIOSFODNN7EXAMPLE and "
                + "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        Exception failure = new RuntimeException("""
                sent Authorization: Bearer tok-3f9a8b7c6d5e with key
                -----BEGIN RSA PRIVATE KEY-----
                MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi
                -----END RSA PRIVATE KEY-----""", cause);

        log.error("Login to cam-01 with password={} failed", "hunter2", failure);
        context.stop();

        String text = Files.readString(dir.resolve("camfleet-20260101T000000Z-1.log"));
        assertThat(text).doesNotContain("hunter2", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "tok-3f9a8b7c6d5e",
                "MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi");
        // What is not secret stays: the sentence, the exceptions and where they were thrown.
        assertThat(text).contains("Login to cam-01 with password=[redacted] failed",
                "java.lang.RuntimeException: sent Authorization: Bearer [redacted] with key",
                "Caused by: java.lang.IllegalStateException: profile uses [redacted]",
                "at io.camfleet.console.app.LogSetupTest.");
    }
}
