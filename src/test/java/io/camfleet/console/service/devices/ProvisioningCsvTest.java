package io.camfleet.console.service.devices;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.camfleet.console.service.devices.TestDevices.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProvisioningCsvTest {

    private static final String HEADER = "serial,reviewer,location,assetId,orgUnit\n";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("queue.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aGoodFileQueuesEveryRowWhateverTheCaseAndOrderOfItsColumns() throws IOException {
        DevicesRig rig = new DevicesRig(List.of());
        Path f = file("\uFEFFOrgUnit,SERIAL,Reviewer,assetid,Location\r\n"
                + "/Review/Lisbon,5cd1,ana@example.com,A-1,\"Lisbon, desk 4\"\r\n"
                + "/Review/Porto,5CD2,,,\r\n"
                + ",,,,\r\n");

        List<ProvisionRequest> queued = rig.service.importQueue(f);

        assertThat(queued).extracting(ProvisionRequest::serial, ProvisionRequest::reviewer,
                ProvisionRequest::location, ProvisionRequest::assetId, ProvisionRequest::orgUnit).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5CD1", "ana@example.com", "Lisbon, desk 4", "A-1",
                        "/Review/Lisbon"),
                org.assertj.core.groups.Tuple.tuple("5CD2", "", "", "", "/Review/Porto"));
        assertThat(queued).allSatisfy(r -> {
            assertThat(r.requestedBy()).isEqualTo("alice");
            assertThat(r.requestedAt()).isEqualTo(NOW);
            assertThat(r.state()).isEqualTo(ProvisionRequest.State.QUEUED);
        });
        assertThat(rig.service.provisioning()).hasSize(2);
        assertThat(rig.audited(AuditActions.DEVICES_QUEUE).get(0).parameters())
                .containsEntry("file", f.toString()).containsEntry("count", "2");
    }

    @Test
    void onlyTheSerialColumnIsRequired() throws IOException {
        assertThat(ProvisioningCsv.read(file("serial\nABC\nDEF\n"), "bob", NOW))
                .extracting(ProvisionRequest::serial).containsExactly("ABC", "DEF");
    }

    static Stream<Arguments> badFiles() {
        String tooLongLocation = "x".repeat(201);
        StringBuilder tooMany = new StringBuilder(HEADER);
        for (int i = 1; i <= 10_001; i++) {
            tooMany.append("SN").append(i).append(",,,,\n");
        }
        return Stream.of(
                // name, content, key, the row named (the header is row 1), or 0 when the file is named as a whole
                Arguments.of("a row without a serial", HEADER + "SN1,,,,\n,ana@example.com,,,\n",
                        "devices.csv.badRow", 3L),
                Arguments.of("a reviewer that is no email", HEADER + "SN1,ana at example.com,,,\n",
                        "devices.csv.badRow", 2L),
                Arguments.of("an org unit without its leading slash", HEADER + "SN1,,,,Review/Lisbon\n",
                        "devices.csv.badRow", 2L),
                Arguments.of("an over-long location", HEADER + "SN1,,,,\nSN2,," + tooLongLocation + ",,\n",
                        "devices.csv.badRow", 3L),
                Arguments.of("a serial with a space", HEADER + "SN 1,,,,\n", "devices.csv.badRow", 2L),
                Arguments.of("a serial twice", HEADER + "SN1,,,,\nSN2,,,,\nsn1,,,,\n", "devices.csv.duplicateSerial",
                        2L),
                Arguments.of("a row with more cells than columns", HEADER + "SN1,,,,,extra\n",
                        "devices.csv.extraCells", 2L),
                Arguments.of("a column that is not a provisioning column", "serial,reviewer,notes\nSN1,,\n",
                        "devices.csv.unknownColumns", 0L),
                Arguments.of("a column twice", "serial,Serial\nSN1,SN2\n", "devices.csv.duplicateColumn", 0L),
                Arguments.of("no serial column", "reviewer,orgUnit\nana@example.com,/R\n",
                        "devices.csv.noSerialColumn", 0L),
                Arguments.of("a header and nothing else", HEADER, "devices.csv.empty", 0L),
                Arguments.of("an empty file", "", "devices.csv.empty", 0L),
                Arguments.of("a quote left open", HEADER + "\"SN1,,,,\n", "devices.csv.malformed", 0L),
                Arguments.of("10,001 rows", tooMany.toString(), "devices.csv.tooManyRows", 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadFileIsRejectedWholeNamingTheRowAndNothingIsQueued(String name, String content, String key, long row)
            throws IOException {
        DevicesRig rig = new DevicesRig(List.of());
        Path f = file(content);

        assertThatThrownBy(() -> rig.service.importQueue(f)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
            assertThat(p.key()).isEqualTo(key);
            assertThat(p.args()[0]).isEqualTo(f.toString());
            if (row > 0) {
                assertThat(p.args()[1]).isEqualTo(row);
            }
        });
        assertThat(rig.service.provisioning()).isEmpty();
        assertThat(rig.audited(AuditActions.DEVICES_QUEUE)).isEmpty();
    }

    @Test
    void aBadRowIsNamedWithItsReasonInOneSentence() throws IOException {
        Path f = file(HEADER + "SN1,,,,\nSN2,,,,Review/Lisbon\n");

        assertThatThrownBy(() -> ProvisioningCsv.read(f, "bob", NOW)).hasMessage("Row 3 of " + f
                + " (the header is row 1) is wrong: The org unit \"Review/Lisbon\" is not a full path: write it from"
                + " the top, starting with \"/\", for example /Review/Lisbon. Nothing was queued: fix the row and"
                + " import again.");
    }

    @Test
    void aFileOverFourMegabytesIsRefusedBeforeItIsRead() throws IOException {
        Path f = dir.resolve("big.csv");
        Files.write(f, new byte[(int) ProvisioningCsv.MAX_BYTES + 1]);

        assertThatThrownBy(() -> ProvisioningCsv.read(f, "bob", NOW)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.csv.tooLarge"));
    }

    @Test
    void aFileThatIsNotUtf8OrNotThereIsNamed() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "serial,location\nSN1,S\u00e3o Paulo\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> ProvisioningCsv.read(latin1, "bob", NOW)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.csv.notUtf8"));
        assertThatThrownBy(() -> ProvisioningCsv.read(dir.resolve("missing.csv"), "bob", NOW))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("devices.csv.unreadable"));
    }

    @Test
    void aSerialAlreadyQueuedRefusesTheWholeFile() throws IOException {
        DevicesRig rig = new DevicesRig(List.of());
        rig.service.importQueue(file(HEADER + "SN2,,,,\n"));

        assertThatThrownBy(() -> rig.service.importQueue(file(HEADER + "SN1,,,,\nSN2,,,,\n")))
                .isInstanceOf(Problem.class);
        assertThat(rig.service.provisioning()).extracting(ProvisionRequest::serial).containsExactly("SN2");
    }
}
