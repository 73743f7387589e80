package io.camfleet.console.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet import} on a real small filesystem that fills up: a write the message calls done is committed; a
 * failed one says the disk is full, exits 3, and leaves the cache (and its audit trail) as it was.
 */
class FullDiskImportTest {

    @TempDir
    Path dir;

    private static String registry(int sites) {
        StringBuilder csv = new StringBuilder("site_id,site_name,customer,country,latitude,longitude,timezone,"
                + "sla_tier,camera_id,software_version\n");
        for (int i = 0; i < sites; i++) {
            csv.append(String.join(",", "S" + i, "Site number " + i + " on the harbour front", "Northwind", "NL",
                    "52." + i % 90, "4." + i % 90, "Europe/Amsterdam", "GOLD", "S" + i + "-cam-1", "6.4.2"))
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void anImportOnAFullDiskSaysSoAndLeavesTheCacheAsItWas() throws Exception {
        Path two = Files.writeString(dir.resolve("two.csv"), registry(2));
        Path many = Files.writeString(dir.resolve("many.csv"), registry(3000));
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 5)) {
            Path data = disk.path().resolve("data");
            Path home = dir.resolve("home");
            try (ConsoleProcess first = ConsoleProcess.start(home, Map.of(), "import", two.toString(), "--data-dir",
                    data.toString())) {
                assertThat(first.waitFor(60)).as(first.output()).isZero();
            }
            disk.fill(192); // room to open the cache, not to write 3,000 sites into it

            String said;
            int code;
            try (ConsoleProcess full = ConsoleProcess.start(home, Map.of(), "import", many.toString(), "--data-dir",
                    data.toString())) {
                code = full.waitFor(60);
                said = full.output();
            }
            assertThat(said).doesNotContain("Imported").contains("The disk holding " + data + " is full");
            assertThat(code).as(said).isEqualTo(3);

            disk.free();
            try (ConsoleProcess fleet = ConsoleProcess.start(home, Map.of(), "fleet", "--json", "--data-dir",
                    data.toString())) {
                assertThat(fleet.waitFor(60)).isZero();
                assertThat(fleet.output()).contains("\"sites\" : 2,");
            }
            try (ConsoleProcess audit = ConsoleProcess.start(home, Map.of(), "audit", "verify", "--data-dir",
                    data.toString())) {
                assertThat(audit.waitFor(60)).as(audit.output()).isZero();
            }
            assertThat(data.getParent().resolve("data").resolve("cache.mv.db")).exists();
            try (var files = Files.list(data)) {
                assertThat(files.map(p -> p.getFileName().toString())).as("a full disk is not a corrupt cache")
                        .noneMatch(n -> n.contains("corrupt"));
            }
        }
    }
}
