package io.camfleet.console.service.runbooks;

import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.runbooks.RunbookKind;
import io.camfleet.console.domain.runbooks.RunbookRefused;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Operators' runbook files: good ones join the catalogue, a bad one is named with its line and skipped alone. */
class RunbookCatalogueFilesTest {

    @TempDir
    Path folder;

    private final Messages m = new Messages(Locale.ENGLISH);

    private static final String GOOD = """
            runbooks:
              - id: nvr-disks
                title: NVR disks
                kind: diagnostic
                command: smartctl --health -- {{device}}
                timeout: 2m
                outputLimit: 4096
                parameters:
                  - name: device
                    type: path
                    default: /dev/sda
                    pattern: /dev/sd[a-z]
            """;

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content);
    }

    private List<String> problems(RunbookCatalogue c) {
        return c.problems().stream().map(p -> p.text(m)).toList();
    }

    @Test
    void anOperatorsYamlAndJsonFilesJoinTheBuiltIns() throws Exception {
        write("disks.yaml", GOOD);
        write("ntp.json", """
                {"runbooks": [{"id": "ntp-peers", "title": "NTP peers", "kind": "DIAGNOSTIC",
                  "command": "chronyc sources -v"}]}
                """);
        write("notes.txt", "not a runbook");

        RunbookCatalogue c = RunbookCatalogue.read(folder);

        assertThat(c.problems()).isEmpty();
        Runbook disks = c.get("nvr-disks");
        assertThat(disks.kind()).isEqualTo(RunbookKind.DIAGNOSTIC);
        assertThat(disks.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(disks.outputLimit()).isEqualTo(4096);
        assertThat(c.command("nvr-disks", Map.of("device", "/dev/sdb"))).isEqualTo("smartctl --health -- '/dev/sdb'");
        assertThat(c.isBuiltIn("nvr-disks")).isFalse();
        assertThat(c.find("ntp-peers")).isPresent();
        assertThat(c.runbooks()).hasSize(RunbookCatalogue.builtIn().runbooks().size() + 2);
    }

    @Test
    void aYamlSyntaxErrorIsNamedWithItsLineAndTheOtherFilesStillRead() throws Exception {
        write("a-broken.yaml", """
                runbooks:
                  - id: broken
                    title: Broken
                    command: "echo {{x}}
                    kind: diagnostic
                """);
        write("b-good.yaml", GOOD);

        RunbookCatalogue c = RunbookCatalogue.read(folder);

        assertThat(c.find("nvr-disks")).isPresent();
        assertThat(c.find("broken")).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("a-broken.yaml");
            // the quoted scalar left open on line 4 runs to the end of the file: the scanner names where it opened
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.reasonKey()).isEqualTo("runbooks.file.unreadable");
        });
        assertThat(problems(c).getFirst()).startsWith("Runbook file a-broken.yaml, line 4, column ")
                .contains("the file does not read as YAML or JSON (")
                .endsWith("The file is skipped until it is fixed.");
    }

    @Test
    void aJsonSyntaxErrorAndBytesThatAreNotUtf8AreNamedAndSkipped() throws Exception {
        write("comma.json", "{\"runbooks\": [\n  {\"id\": \"a\", \"title\": \"A\",, \"kind\": \"diagnostic\"}\n]}\n");
        Files.write(folder.resolve("latin1.yaml"), "runbooks:\n  - id: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("z-good.yaml", GOOD);

        RunbookCatalogue c = RunbookCatalogue.read(folder);

        assertThat(c.find("nvr-disks")).isPresent();
        assertThat(c.problems()).extracting(RunbookFileProblem::file, RunbookFileProblem::line,
                        RunbookFileProblem::reasonKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("comma.json", 2, "runbooks.file.unreadable"),
                        org.assertj.core.groups.Tuple.tuple("latin1.yaml", 2, "runbooks.file.unreadable"));
    }

    @Test
    void anUnknownFieldIsNamedWithItsLineAndTheFieldsThereAre() throws Exception {
        write("typo.yaml", """
                runbooks:
                  - id: typo
                    title: Typo
                    kind: diagnostic
                    comand: uptime
                """);

        RunbookFileProblem p = RunbookCatalogue.read(folder).problems().getFirst();

        assertThat(p.line()).isEqualTo(5);
        // the reader is past the field's value when it sees the field is unknown: its line, but no column
        assertThat(p.text(m)).startsWith("Runbook file typo.yaml, line 5: 'comand' is not a field here; the fields are:"
                + " command, description, id, kind, outputLimit, parameters, timeout, title.");
    }

    @Test
    void aMissingCommandIsNamedAtTheLineItsRunbookStarts() throws Exception {
        write("nocommand.yml", """
                runbooks:
                  - id: fine
                    title: Fine
                    kind: diagnostic
                    command: uptime
                  - id: nocommand
                    title: No command
                    kind: diagnostic
                """);

        RunbookCatalogue c = RunbookCatalogue.read(folder);

        assertThat(c.find("fine")).as("a file is taken whole or not at all").isEmpty();
        assertThat(problems(c)).containsExactly(
                "Runbook file nocommand.yml, line 6: the runbook has no command: add it. The file is skipped until it is fixed.");
    }

    @Test
    void aBadParameterTypeIsNamedWithTheTypesThereAre() throws Exception {
        write("badtype.yaml", """
                runbooks:
                  - id: badtype
                    title: Bad type
                    kind: diagnostic
                    command: ping -c 1 {{host}}
                    parameters:
                      - name: host
                        type: hostname
                """);

        RunbookFileProblem p = RunbookCatalogue.read(folder).problems().getFirst();

        assertThat(p.line()).isEqualTo(8);
        assertThat(p.text(m)).contains("'hostname' does not fit parameters.[0].type, which takes string, int, duration, path, enum.");
    }

    @Test
    void aPlaceholderInsideQuotesIsRefusedWhenTheFileIsRead() throws Exception {
        write("quoted.yaml", """
                runbooks:
                  - id: quoted
                    title: Quoted
                    kind: remediation
                    command: sh -c "rm -rf {{dir}}"
                    parameters: [{name: dir, type: path, default: /tmp/x}]
                """);

        RunbookFileProblem p = RunbookCatalogue.read(folder).problems().getFirst();

        assertThat(p.reasonKey()).isEqualTo("runbooks.refused." + RunbookRefused.Reason.UNSAFE_PLACEHOLDER);
        assertThat(p.text(m)).startsWith("Runbook file quoted.yaml, line 2: the placeholder dir stands where quoting");
    }

    @Test
    void aDuplicateIdIsRefusedInTheSameFileInALaterFileAndForABuiltIn() throws Exception {
        write("a.yaml", GOOD);
        write("b.yaml", GOOD);
        write("c.yaml", """
                runbooks:
                  - {id: twice, title: Once, kind: diagnostic, command: uptime}
                  - {id: twice, title: Twice, kind: diagnostic, command: uptime}
                """);
        write("d.yaml", """
                runbooks:
                  - {id: reboot, title: My reboot, kind: remediation, command: reboot -f}
                """);

        RunbookCatalogue c = RunbookCatalogue.read(folder);

        assertThat(problems(c)).containsExactly(
                "Runbook file b.yaml, line 2: the runbook id 'nvr-disks' is already taken by a.yaml: give this one"
                        + " another id. The file is skipped until it is fixed.",
                "Runbook file c.yaml, line 3: the runbook id 'twice' is already taken by c.yaml:2: give this one"
                        + " another id. The file is skipped until it is fixed.",
                "Runbook file d.yaml, line 2: 'reboot' is the id of a built-in runbook, which a file cannot replace:"
                        + " give yours another id. The file is skipped until it is fixed.");
        assertThat(c.get("reboot").command().text()).isEqualTo("systemctl reboot");
        assertThat(c.find("nvr-disks")).isPresent();
        assertThat(c.find("twice")).isEmpty();
    }

    @Test
    void aTenMegabyteFileIsRefusedBeforeItIsRead() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(folder.resolve("huge.yaml").toFile(), "rw")) {
            f.setLength(10L * 1024 * 1024);
        }
        write("small.yaml", GOOD);

        RunbookCatalogue c = RunbookCatalogue.read(folder);

        assertThat(c.find("nvr-disks")).isPresent();
        assertThat(problems(c)).containsExactly("Runbook file huge.yaml: the file is 10240 KB, over the limit of 256 KB"
                + " for a runbook file. The file is skipped until it is fixed.");
    }

    @Test
    void filesPastTheCountLimitAreNamedAndNotRead() throws Exception {
        for (int i = 0; i <= RunbookCatalogue.MAX_FILES; i++) {
            write("rb-%03d.yaml".formatted(i), "runbooks:\n  - {id: rb-%03d, title: R, kind: diagnostic, command: uptime}\n"
                    .formatted(i));
        }

        RunbookCatalogue c = RunbookCatalogue.read(folder);

        // 201 files, names rb-000..rb-200 in order: the first 200 read, rb-200 is the one past the limit
        assertThat(c.find("rb-199")).isPresent();
        assertThat(c.find("rb-200")).isEmpty();
        assertThat(c.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("rb-200.yaml");
            assertThat(p.reasonKey()).isEqualTo("runbooks.file.tooMany");
        });
    }

    @Test
    void aFileWithoutTheRunbooksListIsExplained() throws Exception {
        write("bare.yaml", "id: bare\ntitle: Bare\ncommand: uptime\n");
        write("empty.json", "");

        assertThat(problems(RunbookCatalogue.read(folder))).containsExactly(
                "Runbook file bare.yaml, line 1, column 1: 'id' is not a field here; the fields are: runbooks."
                        + " The file is skipped until it is fixed.",
                "Runbook file empty.json, line 1: a runbook file holds 'runbooks:' and a list of runbooks,"
                        + " and this one does not. The file is skipped until it is fixed.");
    }

    @Test
    void noFolderMeansTheBuiltInsAlone() {
        RunbookCatalogue c = RunbookCatalogue.read(folder.resolve("absent"));

        assertThat(c.problems()).isEmpty();
        assertThat(c.runbooks()).isEqualTo(RunbookCatalogue.builtIn().runbooks());
    }

    @Test
    void everyReasonARunbookCanBeRefusedForHasItsSentence() {
        for (RunbookRefused.Reason r : RunbookRefused.Reason.values()) {
            assertThat(m.has("runbooks.refused." + r.name())).as(r.name()).isTrue();
        }
    }
}
