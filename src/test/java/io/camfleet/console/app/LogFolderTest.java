package io.camfleet.console.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Where real {@code camfleet} processes log: each its own file in the data folder's {@code logs}, kept small. */
class LogFolderTest {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** A process number no system hands out (Linux's largest is 4,194,304): a process long ended. */
    private static final long ENDED = 999_999_999L;

    @TempDir
    Path dir;

    private List<Path> logs(Path data) throws Exception {
        try (Stream<Path> files = Files.list(data.resolve("logs"))) {
            return files.sorted().toList();
        }
    }

    @Test
    void aCommandLogsIntoItsDataFoldersLogsAloneWithoutSqlAndNothingIntoTheTemporaryFolder() throws Exception {
        ChildConsole camfleet = new ChildConsole(dir);
        Path registry = dir.resolve("sites.csv");
        Files.writeString(registry, """
                site_id,site_name,region,camera_id,software_version
                AMS,Amsterdam Hub,EU,AMS-1,6.4.2
                BER,Berlin Yard,EU,BER-1,6.4.2
                """);
        Path data = dir.resolve("data");

        ChildConsole.Result imported = camfleet.run("import", registry.toString(), "--data-dir", data.toString());

        assertThat(imported.exit()).as(imported.errText()).isZero();
        assertThat(camfleet.tmp().resolve("camfleet-logs")).doesNotExist();
        List<Path> files = logs(data);
        assertThat(files).hasSize(1);
        Path log = files.getFirst();
        assertThat(log.getFileName().toString()).matches("camfleet-\\d{8}T\\d{6}Z-" + imported.pid() + "\\.log");
        String text = Files.readString(log);
        assertThat(text).contains("process " + imported.pid(), "data folder " + data);
        // H2 logs each statement with its parameters at INFO: none of them here.
        assertThat(text).doesNotContain("/*SQL", "INSERT INTO", "SELECT ", "h2database");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    @Test
    void twoProcessesAtOnceWriteTwoFilesEachWithOnlyItsOwnLines() throws Exception {
        ChildConsole camfleet = new ChildConsole(dir);
        Path data = dir.resolve("data");

        ChildConsole.Running first = camfleet.start(java.util.Map.of(), "demo", "--sites", "5000",
                "--data-dir", data.toString());
        ChildConsole.Running second = camfleet.start(java.util.Map.of(), "demo", "--sites", "5000",
                "--data-dir", data.toString());
        assertThat(first.finish().exit()).isZero();
        assertThat(second.finish().exit()).isZero();

        List<Path> files = logs(data);
        assertThat(files).hasSize(2);
        for (ChildConsole.Running p : List.of(first, second)) {
            long other = p == first ? second.pid() : first.pid();
            Path own = files.stream().filter(f -> f.getFileName().toString().endsWith("-" + p.pid() + ".log"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(own)).contains("process " + p.pid()).doesNotContain("process " + other);
        }
        assertThat(camfleet.tmp().resolve("camfleet-logs")).doesNotExist();
    }

    @Test
    void logsOfEndedProcessesAreRemovedOldestFirstToKeepTheFolderUnderItsCap() throws Exception {
        ChildConsole camfleet = new ChildConsole(dir);
        Path data = dir.resolve("data");
        Path logs = Files.createDirectories(data.resolve("logs"));
        long eightMb = 8L << 20;
        Instant start = Instant.now().minusSeconds(3600);
        // An earlier version's file, then twelve of ended processes, an hour apart: 104 MB in all.
        List<Path> ended = new ArrayList<>();
        ended.add(sparse(logs.resolve("camfleet.log"), eightMb, start.minusSeconds(7200)));
        for (int i = 0; i < 12; i++) {
            Instant at = start.plusSeconds(i * 60L);
            ended.add(sparse(logs.resolve("camfleet-" + STAMP.format(at) + "-" + (ENDED - i) + ".log"), eightMb, at));
        }
        // A console still running (this test's JVM) writes a file that must stay, however old.
        Path running = sparse(logs.resolve("camfleet-" + STAMP.format(Instant.now()) + "-"
                + ProcessHandle.current().pid() + ".log"), eightMb, start.minusSeconds(9000));
        Path notOurs = sparse(logs.resolve("notes.txt"), 1024, start.minusSeconds(9000));

        ChildConsole.Result demo = camfleet.run("demo", "--sites", "10", "--data-dir", data.toString());

        assertThat(demo.exit()).as(demo.errText()).isZero();
        List<Path> left = logs(data);
        long total = 0;
        for (Path p : left) {
            total += p.getFileName().toString().startsWith("camfleet") ? Files.size(p) : 0;
        }
        assertThat(total).isLessThanOrEqualTo(LogSetup.FOLDER_CAP);
        assertThat(left).contains(running, notOurs, ended.getLast(), ended.get(ended.size() - 2))
                .doesNotContain(ended.getFirst(), ended.get(1));
        // What is kept of the ended ones is the newest, with room for this process to write its own.
        List<Path> keptEnded = ended.stream().filter(left::contains).toList();
        assertThat(keptEnded).isEqualTo(ended.subList(ended.size() - keptEnded.size(), ended.size()));
        assertThat(left).anyMatch(p -> p.getFileName().toString().endsWith("-" + demo.pid() + ".log"));
    }

    private static Path sparse(Path file, long size, Instant modified) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
