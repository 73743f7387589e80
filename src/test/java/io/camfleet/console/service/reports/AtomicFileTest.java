package io.camfleet.console.service.reports;

import io.camfleet.console.app.SmallDisk;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AtomicFileTest {

    @TempDir
    Path dir;

    @Test
    void aFailureInTheMiddleLeavesTheOldFileAndNoPartFile() throws IOException {
        Path report = dir.resolve("sales.pdf");
        Files.writeString(report, "the earlier proposal");
        IOException broken = new IOException("the renderer broke");

        assertThatThrownBy(() -> AtomicFile.write(report, out -> {
            out.write(new byte[300_000]); // past the 64 KB buffer: bytes reached the temporary file
            throw broken;
        })).isInstanceOf(Problem.class).hasCause(broken)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("report.writeFailed"));

        assertThat(Files.readString(report)).isEqualTo("the earlier proposal");
        assertThat(filesIn(dir)).containsExactly("sales.pdf");
    }

    @Test
    void aCancellationPassesAsItIsAndLeavesTheOldFileAndNoPartFile() throws IOException {
        Path report = dir.resolve("compliance.xlsx");
        Files.writeString(report, "last month's report");

        assertThatThrownBy(() -> AtomicFile.write(report, out -> {
            out.write(new byte[300_000]);
            throw new CancellationException("Report cancelled");
        })).isExactlyInstanceOf(CancellationException.class);

        assertThat(Files.readString(report)).isEqualTo("last month's report");
        assertThat(filesIn(dir)).containsExactly("compliance.xlsx");
    }

    @Test
    void aFailureWithNoEarlierFileLeavesNoFileAtAll() {
        Path report = dir.resolve("evidence.zip");

        assertThatThrownBy(() -> AtomicFile.write(report, out -> {
            out.write(1);
            throw new IllegalStateException("a bug in the pack");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aWholeWriteReplacesTheOldFile() throws IOException {
        Path report = dir.resolve("sales.pdf");
        Files.writeString(report, "old");

        Path written = AtomicFile.write(report, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(written).isEqualTo(report.toAbsolutePath());
        assertThat(Files.readString(report)).isEqualTo("new");
        assertThat(filesIn(dir)).containsExactly("sales.pdf");
    }

    @Test
    void writingIntoAMissingFolderCreatesIt() throws IOException {
        Path report = dir.resolve("exports/2026-12/sales.csv");

        AtomicFile.write(report, out -> out.write("a,b\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(report)).isEqualTo("a,b\r\n");
        assertThat(filesIn(report.getParent())).containsExactly("sales.csv");
    }

    @Test
    void aTargetThatIsAFolderIsAClearProblemAndTheFolderIsUntouched() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(folder.resolve("kept.txt"), "kept");

        Problem p = catchThrowableOfType(Problem.class, () -> AtomicFile.write(folder, out -> out.write(1)));

        assertThat(p.key()).isEqualTo("report.files.targetIsFolder");
        assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
        assertThat(p.getMessage()).startsWith(folder.toAbsolutePath() + " is a folder");
        assertThat(filesIn(folder)).containsExactly("kept.txt");
        assertThat(filesIn(dir)).containsExactly("reports");
    }

    @Test
    void aFolderPathThroughAFileIsAClearProblem() throws IOException {
        Files.writeString(dir.resolve("notes"), "a file");
        Path report = dir.resolve("notes/sales.pdf");

        Problem p = catchThrowableOfType(Problem.class, () -> AtomicFile.write(report, out -> out.write(1)));

        assertThat(p.key()).isEqualTo("report.files.parentIsFile");
        assertThat(p.getMessage()).contains(dir.resolve("notes") + " is a file, not a folder");
        assertThat(Files.readString(dir.resolve("notes"))).isEqualTo("a file");
    }

    @Test
    void aWrittenFileIsReadableAsAnyOtherFileTheConsoleWrites() throws IOException {
        // The temporary file must not pass on its owner-only mode (rw-------) to the report: an auditor's share
        // reads the report with the permissions a plain new file gets here.
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path report = AtomicFile.write(dir.resolve("sales.pdf"), out -> out.write(1));

        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws IOException {
        Path report = dir.resolve("compliance.pdf");
        Files.writeString(report, "old");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(report, shared);

        AtomicFile.write(report, out -> out.write(2));

        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(shared);
    }

    @Test
    void aTargetWithTheLongestNameTheFolderAllowsIsWritten() throws IOException {
        // 255 bytes is the longest name ext4 and tmpfs take; the temporary file beside it must still fit.
        Path report = dir.resolve("r".repeat(251) + ".csv");

        AtomicFile.write(report, out -> out.write("x".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.readString(report)).isEqualTo("x");
        assertThat(filesIn(dir)).hasSize(1);
    }

    @Test
    void aFullDiskSaysSoAndLeavesTheOldFile() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small"), 2)) {
            Path report = disk.path().resolve("compliance.pdf");
            Files.writeString(report, "the earlier report");

            // 3 MB do not fit on a 2 MB disk that already holds the earlier report.
            Problem p = catchThrowableOfType(Problem.class, () -> AtomicFile.write(report, out -> {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 48; i++) {
                    out.write(block);
                }
            }));

            assertThat(p.key()).isEqualTo("report.diskFull");
            assertThat(p.getMessage()).startsWith("The disk holding " + disk.path() + " is full");
            assertThat(Files.readString(report)).isEqualTo("the earlier report");
            assertThat(filesIn(disk.path())).containsExactly("compliance.pdf");
        }
    }

    private static List<String> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whatAConsoleKilledMidWriteLeftBehindIsSweptByTheNextWriteOfThatFileButNotAWriteInProgress() throws Exception {
        // A kill -9 in the middle of an export runs no finally: its hidden .part file stays beside the target.
        Path killed = dir.resolve(".report.pdf.1f2e3d.part");
        Files.writeString(killed, "half a report");
        Files.setLastModifiedTime(killed, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - AtomicFile.LEFTOVER_AGE.toMillis() - 60_000));
        Path running = dir.resolve(".report.pdf.4c5b6a.part");
        Files.writeString(running, "another console is writing this right now");
        Path otherTarget = dir.resolve(".other.pdf.7d8e9f.part");
        Files.writeString(otherTarget, "someone else's");
        Files.setLastModifiedTime(otherTarget, Files.getLastModifiedTime(killed));

        AtomicFile.write(dir.resolve("report.pdf"), out -> out.write("whole".getBytes(StandardCharsets.UTF_8)));

        assertThat(dir.resolve("report.pdf")).hasContent("whole");
        assertThat(killed).doesNotExist();
        assertThat(running).as("a write in progress elsewhere keeps its file").exists();
        assertThat(otherTarget).as("another target's leftover is that write's business").exists();
    }
}
