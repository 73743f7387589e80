package io.camfleet.console.adapter.files;

import io.camfleet.console.domain.audit.AuditAnchor;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditAnchorFilesTest {

    private static final Instant T = Instant.parse("2026-12-06T10:00:00.120Z");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;

    @Test
    void theKeyIsThirtyTwoRandomBytesOnlyItsOwnerCanReadAndIsNeverReplaced() throws Exception {
        AuditAnchorFiles files = new AuditAnchorFiles(dir);
        assertThat(files.key()).isEmpty();

        byte[] key = files.createKey();

        Path file = dir.resolve("audit.key");
        assertThat(Files.readAllBytes(file)).hasSize(32).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(files.key()).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
        Path other = Files.createDirectory(dir.resolve("other"));
        assertThat(new AuditAnchorFiles(other).createKey()).isNotEqualTo(key).hasSize(32);
    }

    @Test
    void aKeyThatIsThereAlreadyIsNeverOverwritten() throws Exception {
        byte[] key = new AuditAnchorFiles(dir).createKey();
        Files.delete(dir.resolve("audit.key"));
        Files.write(dir.resolve("audit.key"), key);
        assertThatThrownBy(() -> new AuditAnchorFiles(dir).createKey()).isInstanceOf(Problem.class)
                .hasMessageContaining("audit.key", "it is there already");
        assertThat(Files.readAllBytes(dir.resolve("audit.key"))).isEqualTo(key);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(dir.resolve("audit.key"));
        }
    }

    @Test
    void aKeyFileOfAnotherSizeIsReadAsItIsForTheVerifierToName() throws Exception {
        Files.write(dir.resolve("audit.key"), new byte[1000]);
        assertThat(new AuditAnchorFiles(dir).key()).hasValueSatisfying(k -> assertThat(k.length).isEqualTo(33));
    }

    @Test
    void recordsReadBackAsTheyWereAppended() throws Exception {
        AuditAnchorFiles files = new AuditAnchorFiles(dir);
        assertThat(files.anchor()).isEmpty();
        List<AuditAnchor.Entry> entries = List.of(new AuditAnchor.Start(T, 1), new AuditAnchor.Head(1, T, HASH),
                new AuditAnchor.Restart(T.plusSeconds(60), "cache.corrupt-20261206T100100Z.mv.db"),
                new AuditAnchor.Head(1, T.plusSeconds(61), HASH));
        entries.forEach(files::append);

        assertThat(files.anchor()).contains(new AuditAnchor(entries, 0));
        assertThat(Files.readAllLines(dir.resolve("audit.anchor"))).startsWith(
                "# CamFleet Console audit anchor: the audit chain's head after every event."
                        + " Append-only; see the README.",
                "start 2026-12-06T10:00:00.120Z keyed-from 1",
                "head 1 2026-12-06T10:00:00.120Z " + HASH);
    }

    @Test
    void aLastLineCutShortByACrashIsNotARecordAndIsDroppedBeforeTheNext() throws Exception {
        AuditAnchorFiles files = new AuditAnchorFiles(dir);
        files.append(new AuditAnchor.Start(T, 1));
        files.append(new AuditAnchor.Head(1, T, HASH));
        Files.writeString(dir.resolve("audit.anchor"), "head 2 2026-12-06T10:", StandardOpenOption.APPEND);

        assertThat(files.anchor().orElseThrow().unreadableLine()).isZero();
        assertThat(files.anchor().orElseThrow().entries()).hasSize(2);

        files.append(new AuditAnchor.Head(3, T, HASH));
        assertThat(files.anchor().orElseThrow()).isEqualTo(new AuditAnchor(List.of(new AuditAnchor.Start(T, 1),
                new AuditAnchor.Head(1, T, HASH), new AuditAnchor.Head(3, T, HASH)), 0));
    }

    @Test
    void anEditedLineIsNamedByItsNumber() throws Exception {
        AuditAnchorFiles files = new AuditAnchorFiles(dir);
        files.append(new AuditAnchor.Start(T, 1));
        files.append(new AuditAnchor.Head(1, T, HASH));
        Path anchor = dir.resolve("audit.anchor");
        Files.writeString(anchor, Files.readString(anchor).replace("head 1", "head one"));
        assertThat(files.anchor().orElseThrow().unreadableLine()).isEqualTo(3);
        Files.writeString(anchor, Files.readString(anchor).replace("head one", "# head 1"));
        assertThat(files.anchor().orElseThrow().unreadableLine()).isEqualTo(3);
    }
}
