package io.camfleet.console.adapter.store;

import io.camfleet.console.app.SmallDisk;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.CachedDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The devices' cache on a real small filesystem that fills up (H2 only: the cache file is what lives in the data
 * folder): a listing that cannot be written says the disk is full and leaves the previous one, with its "as of" and
 * its history, as it was.
 */
class DeviceListingOnAFullDiskTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dir;

    private static List<ReviewDevice> devices(int count, int notesLength) {
        List<ReviewDevice> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder notes = new StringBuilder();
            while (notes.length() < notesLength) {
                notes.append(UUID.randomUUID()); // not compressible: the file must really grow
            }
            out.add(new ReviewDevice("dev-" + i, DeviceType.CHROMEOS, "SN-" + i, "Chromebook", "ACTIVE",
                    "r" + i + "@example.com", "", "", "/Review", "126", T0, null, null, List.of(),
                    notes.substring(0, notesLength)));
        }
        return out;
    }

    @Test
    void aListingOnAFullDiskSaysSoAndLeavesThePreviousOneAsItWas() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 5)) {
            Path data = disk.path().resolve("data");
            Files.createDirectories(data);
            List<ReviewDevice> before = devices(20, 100);
            CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC());
            CachedDevices written;
            try {
                db.devices().replace(before, T0, "directory");
                written = db.devices().read();
                disk.fill(192); // room for the file as it is, not for 3,000 devices with 2,000 characters of notes

                assertThatThrownBy(() -> db.devices().replace(devices(3000, 2000), T0.plusSeconds(3600), "directory"))
                        .isInstanceOfSatisfying(Problem.class, p -> {
                            assertThat(p.key()).isEqualTo("problem.diskFull");
                            assertThat(p.getMessage()).contains("The disk holding " + data.toAbsolutePath());
                        });
            } finally {
                disk.free();
                closeQuietly(db);
            }

            try (CacheDatabase again = CacheDatabase.open(data, Clock.systemUTC())) {
                assertThat(again.movedAside()).as("a full disk is not a corrupt cache").isEmpty();
                assertThat(again.devices().read()).isEqualTo(written);
                assertThat(written.devices()).hasSize(20);
                assertThat(written.asOf()).isEqualTo(T0);
                assertThat(again.devices().history("dev-0", 10)).extracting(e -> e.what()).containsExactly("appeared");
                assertThat(again.devices().history("dev-25", 10)).isEmpty();
            }
        }
    }

    /** A database whose file could not be written may refuse to close cleanly too; what matters is the reopening. */
    private static void closeQuietly(CacheDatabase db) {
        try {
            db.close();
        } catch (RuntimeException e) {
            System.err.println("closing the cache after a full disk: " + e);
        }
    }
}
