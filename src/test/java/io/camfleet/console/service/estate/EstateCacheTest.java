package io.camfleet.console.service.estate;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EstateCacheTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    /** The snapshots in memory, as the store keeps them. */
    static final class MemorySnapshots implements SnapshotStore {
        final Map<String, Stored> rows = new HashMap<>();

        @Override
        public Optional<Stored> read(String environment, String kind) {
            return Optional.ofNullable(rows.get(environment + "/" + kind));
        }

        @Override
        public void write(String environment, String kind, Instant takenAt, byte[] body) {
            rows.put(environment + "/" + kind, new Stored(takenAt, body));
        }
    }

    record Image(String id, Instant created, LocalDate deprecateOn, Optional<String> base, List<String> regions) {
    }

    private final MemorySnapshots store = new MemorySnapshots();
    private final EstateCache cache = new EstateCache(store, Clock.fixed(T0, ZoneOffset.UTC));
    private static final TypeReference<List<Image>> IMAGES = new TypeReference<>() {
    };

    @Test
    void aRefreshKeepsTheAnswerWithItsTimeAndItReadsBackEqualRecordsInstantsDatesAndOptionalsIncluded() throws Exception {
        List<Image> live = List.of(new Image("ami-1", T0.minusSeconds(86_400), LocalDate.of(2027, 1, 1),
                Optional.of("camos"), List.of("eu-west-1", "us-east-1")), new Image("ami-2", T0, null,
                Optional.empty(), List.of()));
        assertThat(cache.last("eu", "images", IMAGES)).isEmpty();

        EstateCache.Cached<List<Image>> got = cache.refresh("eu", "images", () -> live);
        assertThat(got.asOf()).isEqualTo(T0);
        assertThat(cache.last("eu", "images", IMAGES)).hasValueSatisfying(c -> {
            assertThat(c.value()).isEqualTo(live);
            assertThat(c.asOf()).isEqualTo(T0);
        });
        assertThat(cache.last("us", "images", IMAGES)).as("per environment").isEmpty();
        assertThat(cache.last("eu", "cost", IMAGES)).as("per kind").isEmpty();
    }

    @Test
    void aFailedReadLeavesThePreviousSnapshotInPlace() throws Exception {
        cache.refresh("eu", "images", () -> List.of(new Image("ami-1", T0, null, Optional.empty(), List.of())));
        assertThatThrownBy(() -> cache.refresh("eu", "images", () -> {
            throw new IllegalStateException("moto is down");
        })).hasMessage("moto is down");
        assertThat(cache.last("eu", "images", IMAGES).orElseThrow().value()).extracting(Image::id)
                .containsExactly("ami-1");
    }

    @Test
    void aSnapshotThisVersionCannotReadCountsAsNone() {
        store.write("eu", "images", T0, new byte[]{1, 2, 3});
        assertThat(cache.last("eu", "images", IMAGES)).isEmpty();
    }
}
