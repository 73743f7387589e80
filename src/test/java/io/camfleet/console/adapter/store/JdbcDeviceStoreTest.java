package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.DeviceEvent.Kind;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.devices.CachedDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The review devices' cache and their histories, on H2 and on PostgreSQL. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class JdbcDeviceStoreTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-12-07T11:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private JdbcDeviceStore store;

    @BeforeEach
    void open() {
        db = engine.open(dir);
        store = new JdbcDeviceStore(db.dataSource());
    }

    /** Two threads of their own: the common pool may have one on a small machine, and the racers must meet. */
    private final ExecutorService pair = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() {
        pair.shutdownNow();
        db.close();
    }

    static ReviewDevice chromebook(String id, String serial, String status, String reviewer, String orgUnit,
                                   String os) {
        return new ReviewDevice(id, DeviceType.CHROMEOS, serial, "HP Chromebook 14 G7", status, reviewer,
                "Lisbon, floor 2", "A-" + serial, orgUnit, os, T0.minusSeconds(3600), LocalDate.of(2031, 6, 1),
                Instant.parse("2025-03-01T09:30:00Z"),
                reviewer.isEmpty() ? List.of("cover@example.com") : List.of(reviewer, "cover@example.com"), "");
    }

    static ReviewDevice tablet(String id, String serial) {
        return new ReviewDevice(id, DeviceType.ANDROID, serial, "Galaxy Tab A9", "APPROVED", "ana@example.com", "",
                "", "", "14", null, null, null, List.of(), "");
    }

    @Test
    void aListingComesBackWholeWithItsAsOfAndSourceAlsoAfterReopening() {
        assertThat(store.read()).isEqualTo(CachedDevices.EMPTY);
        ReviewDevice a = chromebook("d-1", "SN-B", "ACTIVE", "rui@example.com", "/Review/Lisbon", "126.0.6478.132");
        ReviewDevice b = tablet("m-1", "SN-C");
        ReviewDevice c = new ReviewDevice("d-2", DeviceType.CHROMEOS, "SN-A", "", "DEPROVISIONED", "", "", "", "/",
                "", null, null, null, null, "returned to the vendor");

        store.replace(List.of(a, b, c), T0, "Google Workspace C01abc");

        CachedDevices read = store.read();
        assertThat(read.devices()).containsExactly(c, a, b); // by serial
        assertThat(read.asOf()).isEqualTo(T0);
        assertThat(read.source()).isEqualTo("Google Workspace C01abc");
        db.close();
        db = engine.open(dir);
        store = new JdbcDeviceStore(db.dataSource());
        assertThat(store.read()).isEqualTo(read);
    }

    @Test
    void aSecondListingRecordsEachKindOfChangeAsTheSyncSawIt() {
        ReviewDevice a = chromebook("d-a", "SN-A", "ACTIVE", "rui@example.com", "/Review/Lisbon", "126");
        ReviewDevice b = chromebook("d-b", "SN-B", "ACTIVE", "ana@example.com", "/Review/Lisbon", "126");
        ReviewDevice c = chromebook("d-c", "SN-C", "ACTIVE", "joe@example.com", "/Review/Porto", "124");
        ReviewDevice d = chromebook("d-d", "SN-D", "DISABLED", "", "/Review/Porto", "120");
        ReviewDevice same = tablet("m-e", "SN-E");
        List<DeviceEvent> first = store.replace(List.of(a, b, c, d, same), T0, "directory");
        assertThat(first).extracting(DeviceEvent::deviceId, DeviceEvent::what, DeviceEvent::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("d-a", "appeared", "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple("d-b", "appeared", "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple("d-c", "appeared", "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple("d-d", "appeared", "DISABLED"),
                        org.assertj.core.groups.Tuple.tuple("m-e", "appeared", "APPROVED"));

        // Hand-computed from the two listings: a was disabled; b got another reviewer and moved; c updated its OS;
        // d left the directory; f is new; the tablet did not change, so it has no line.
        ReviewDevice a2 = chromebook("d-a", "SN-A", "DISABLED", "rui@example.com", "/Review/Lisbon", "126");
        ReviewDevice b2 = chromebook("d-b", "SN-B", "ACTIVE", "eva@example.com", "/Review/Porto", "126");
        ReviewDevice c2 = chromebook("d-c", "SN-C", "ACTIVE", "joe@example.com", "/Review/Porto", "126");
        ReviewDevice f = chromebook("d-f", "SN-F", "PROVISIONED", "", "/", "");
        List<DeviceEvent> second = store.replace(List.of(a2, b2, c2, same, f), T1, "directory");

        assertThat(second).containsExactly(
                new DeviceEvent("d-a", T1, Kind.STATE, "status", "ACTIVE", "DISABLED", "sync", ""),
                new DeviceEvent("d-b", T1, Kind.STATE, "reviewer", "ana@example.com", "eva@example.com", "sync", ""),
                new DeviceEvent("d-b", T1, Kind.STATE, "orgUnit", "/Review/Lisbon", "/Review/Porto", "sync", ""),
                new DeviceEvent("d-c", T1, Kind.STATE, "osVersion", "124", "126", "sync", ""),
                new DeviceEvent("d-f", T1, Kind.STATE, "appeared", "", "PROVISIONED", "sync", ""),
                new DeviceEvent("d-d", T1, Kind.STATE, "vanished", "DISABLED", "", "sync", ""));
        assertThat(store.history("d-b", 10)).containsExactly(
                new DeviceEvent("d-b", T0, Kind.STATE, "appeared", "", "ACTIVE", "sync", ""),
                second.get(1), second.get(2));
        assertThat(store.history("d-d", 10)).as("a device gone keeps its history")
                .extracting(DeviceEvent::what).containsExactly("appeared", "vanished");
        assertThat(store.history("m-e", 10)).hasSize(1);
        assertThat(store.read().devices()).extracting(ReviewDevice::id).containsExactly("d-a", "d-b", "d-c", "m-e",
                "d-f");
        assertThat(store.read().asOf()).isEqualTo(T1);
    }

    @Test
    void aDeviceListedTwiceIsKeptOnceAsTheLaterPageHasIt() {
        ReviewDevice early = chromebook("d-1", "SN-1", "ACTIVE", "rui@example.com", "/Review", "125");
        ReviewDevice late = chromebook("d-1", "SN-1", "ACTIVE", "rui@example.com", "/Review/Lisbon", "125");

        List<DeviceEvent> events = store.replace(List.of(early, tablet("m-1", "SN-2"), late), T0, "directory");

        assertThat(store.read().devices()).containsExactly(late, tablet("m-1", "SN-2"));
        assertThat(events).extracting(DeviceEvent::deviceId).containsExactly("d-1", "m-1");
    }

    @Test
    void anUpdatedDeviceIsReadBackAndTheNextSyncComparesWithIt() {
        ReviewDevice a = chromebook("d-a", "SN-A", "ACTIVE", "rui@example.com", "/Review/Lisbon", "126");
        store.replace(List.of(a), T0, "directory");
        ReviewDevice disabled = chromebook("d-a", "SN-A", "DISABLED", "rui@example.com", "/Review/Lisbon", "126");

        store.update(disabled);

        assertThat(store.read()).isEqualTo(new CachedDevices(List.of(disabled), T0, "directory"));
        assertThat(store.replace(List.of(disabled), T1, "directory"))
                .as("the action's change is the action's line, not the sync's").isEmpty();
        ReviewDevice unknown = tablet("m-9", "SN-9");
        store.update(unknown);
        assertThat(store.read().devices()).containsExactly(unknown, disabled); // by serial: SN-9 before SN-A
    }

    @Test
    void historyIsOldestFirstAndItsLimitKeepsTheLatestLines() {
        List<DeviceEvent> lines = new ArrayList<>();
        for (int minute : new int[] {3, 1, 5, 2, 4}) {
            lines.add(new DeviceEvent("d-1", T0.plusSeconds(60L * minute), Kind.ACTION, "disable", "", "",
                    "nina", "minute " + minute));
        }
        lines.add(new DeviceEvent("d-2", T0.plusSeconds(150), Kind.ACTION, "reboot", "", "", "omar", ""));
        store.record(lines);
        // Two lines at the same moment keep the order they were recorded in.
        store.record(List.of(new DeviceEvent("d-1", T0.plusSeconds(300), Kind.PROVISIONED, "provisioned", "",
                "/Review/Lisbon", "nina", "")));

        assertThat(store.history("d-1", 10)).extracting(DeviceEvent::reason)
                .containsExactly("minute 1", "minute 2", "minute 3", "minute 4", "minute 5", "");
        assertThat(store.history("d-1", 3)).extracting(DeviceEvent::at, DeviceEvent::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(240), Kind.ACTION),
                org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(300), Kind.ACTION),
                org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(300), Kind.PROVISIONED));
        assertThat(store.history("d-2", 10)).containsExactly(lines.getLast());
        assertThat(store.history("d-3", 10)).isEmpty();
        assertThat(store.history("d-1", 0)).isEmpty();
    }

    @Test
    void hostileTextComesBackAsItWasGiven() {
        StringBuilder text = new StringBuilder("It's \"broken\"; DROP TABLE review_device; -- ");
        while (text.length() + 6 <= 2000) {
            text.append("ñ日本語🙂"); // six UTF-16 characters: the smiley is a surrogate pair
        }
        String notes = text.append("x".repeat(2000 - text.length())).toString();
        String reviewer = "o'brien+\"quoted\"@exämple.com";
        ReviewDevice hostile = new ReviewDevice("d-'1\"", DeviceType.CHROMEOS, "SN-'; --", "模型 \\ %_",
                "ACTIVE", reviewer, "Lisboa — piso 2, sala «B»", "ТЕСТ-1", "/Review/Zürich/日本", "126",
                T0, LocalDate.of(2030, 1, 31), T0, List.of(reviewer, "مراجع@example.com", "a,b;c@example.com"), notes);

        store.replace(List.of(hostile), T0, "O'Reilly \"tenant\" 日本");
        store.record(List.of(new DeviceEvent(hostile.id(), T1, Kind.ACTION, "disable", "", "", reviewer,
                "Lost in the café; said \"stolen\" 🙂 " + "ü".repeat(1900))));

        assertThat(notes).hasSize(2000);
        CachedDevices read = store.read();
        assertThat(read.devices()).containsExactly(hostile);
        assertThat(read.source()).isEqualTo("O'Reilly \"tenant\" 日本");
        assertThat(store.history(hostile.id(), 10).getLast().reason())
                .isEqualTo("Lost in the café; said \"stolen\" 🙂 " + "ü".repeat(1900));
    }

    @Test
    void textLongerThanItsColumnIsClippedSoThatTheSyncStillSucceeds() {
        String longNotes = "n".repeat(5000);
        List<String> manyUsers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            manyUsers.add("reviewer" + i + "@example.com"); // 21, 22 or 23 characters
        }
        ReviewDevice big = new ReviewDevice("d-1", DeviceType.CHROMEOS, "SN-1", "m", "ACTIVE", "", "", "", "/", "",
                null, null, null, manyUsers, longNotes);

        store.replace(List.of(big), T0, "directory");

        ReviewDevice read = store.read().devices().getFirst();
        assertThat(read.notes()).hasSize(4000).endsWith("n…");
        // By hand: users 0-9 are 21 characters, 10-99 are 22, 100-299 are 23, one newline between two. The first 100
        // take 10*21 + 90*22 + 99 = 2289; each next one 24 more: (4000 - 2289) / 24 = 71 more fit (3993), a 72nd
        // would make 4017. So 171 whole users, 0 to 170, and none cut in half.
        assertThat(read.recentUsers()).hasSize(171).startsWith("reviewer0@example.com")
                .endsWith("reviewer170@example.com");
        assertThat(store.replace(List.of(big), T1, "directory")).as("a clipped value is not a change").isEmpty();
    }

    @Test
    void aDeviceTheSyncDidNotChangeIsNotWrittenAgainEvenWithNanosecondTimes() throws Exception {
        Instant precise = T0.plusNanos(123_456_789);
        ReviewDevice d = new ReviewDevice("d-1", DeviceType.CHROMEOS, "SN-1", "m", "ACTIVE", "", "", "", "/", "126",
                precise, null, precise, List.of(), "");
        store.replace(List.of(d), T0, "directory");
        assertThat(store.read().devices().getFirst().lastSync()).isEqualTo(T0.plusNanos(123_456_000));

        // The row held by another console: a sync that wrote it again would wait for it and fail on the check.
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE review_device SET notes = 'held' WHERE id = 'd-1'");
            }
            CompletableFuture<List<DeviceEvent>> sync = CompletableFuture.supplyAsync(
                    () -> store.replace(List.of(d), T1, "directory"), pair);
            assertThat(sync.get(30, TimeUnit.SECONDS)).isEmpty();
            other.rollback();
        }
    }

    @Test
    void twoSyncsReplacingAtOnceTakeTurnsAndTheSecondComparesWithTheFirst() throws Exception {
        store.replace(List.of(chromebook("d-1", "SN-1", "ACTIVE", "", "/", "120")), T0, "directory");
        List<ReviewDevice> left = new ArrayList<>();
        List<ReviewDevice> right = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            left.add(chromebook("d-" + i, "SN-" + i, "ACTIVE", "", "/", "126"));
            right.add(chromebook("d-" + i, "SN-" + i, "DISABLED", "", "/", "126"));
        }
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<List<DeviceEvent>> one = CompletableFuture.supplyAsync(() -> {
            await(start);
            return store.replace(left, T1, "left");
        }, pair);
        CompletableFuture<List<DeviceEvent>> two = CompletableFuture.supplyAsync(() -> {
            await(start);
            return store.replace(right, T1, "right");
        }, pair);
        List<DeviceEvent> a = one.get(60, TimeUnit.SECONDS);
        List<DeviceEvent> b = two.get(60, TimeUnit.SECONDS);

        // Whichever went first saw d-1 change its OS (and its status, for right) and 1,999 devices appear; the
        // second saw each of the 2,000 change status. Never twice "appeared", never a failure.
        List<DeviceEvent> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(all.stream().filter(e -> e.what().equals("appeared"))).hasSize(1999);
        assertThat(all.stream().filter(e -> e.what().equals("osVersion"))).hasSize(1);
        assertThat(all.stream().filter(e -> e.what().equals("status")).count()).isIn(2000L, 2001L);
        CachedDevices read = store.read();
        assertThat(read.devices()).hasSize(2000);
        assertThat(read.devices()).extracting(ReviewDevice::status).containsOnly(
                read.source().equals("left") ? "ACTIVE" : "DISABLED");
    }

    @Test
    void aSyncAndAnActionWaitForAnotherConsolesReplaceThatTakesLongerThanTheDatabasesLockTimeout()
            throws Exception {
        store.replace(List.of(chromebook("d-1", "SN-1", "ACTIVE", "", "/", "120")), T0, "directory");
        ReviewDevice disabled = chromebook("d-1", "SN-1", "DISABLED", "", "/", "120");

        CompletableFuture<List<DeviceEvent>> sync = whileAnotherConsoleHoldsTheDevices(
                () -> store.replace(List.of(disabled), T1, "directory"));
        assertThat(sync.get(60, TimeUnit.SECONDS)).extracting(DeviceEvent::what)
                .as("compared with what the other console wrote").containsExactly("status", "osVersion");

        ReviewDevice rebooted = chromebook("d-1", "SN-1", "DISABLED", "", "/Review", "120");
        whileAnotherConsoleHoldsTheDevices(() -> {
            store.update(rebooted);
            return null;
        }).get(60, TimeUnit.SECONDS);
        assertThat(store.read().devices()).containsExactly(rebooted);
    }

    /**
     * Another console in the middle of a long replace: it holds the listing and the device d-1 for 3 s, longer than
     * H2's 2 s lock timeout, while {@code write} tries to write them.
     */
    private <T> CompletableFuture<T> whileAnotherConsoleHoldsTheDevices(Supplier<T> write) throws Exception {
        CompletableFuture<T> waiting;
        try (Connection other = db.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE review_device_listing SET source = 'other' WHERE id = 1");
                s.executeUpdate("UPDATE review_device SET os_version = '121' WHERE id = 'd-1'");
            }
            waiting = CompletableFuture.supplyAsync(write, pair);
            Thread.sleep(3000);
            assertThat(waiting).isNotDone();
            other.commit();
            other.setAutoCommit(true);
        }
        return waiting;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
