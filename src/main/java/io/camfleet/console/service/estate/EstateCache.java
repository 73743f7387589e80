package io.camfleet.console.service.estate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The AWS estate as last read, so that its screen opens at once, offline too, stamped "as of" when it was read, and
 * asks AWS again only when the operator refreshes. Each answer (a catalogue, a state with its drift, a cost report) is
 * kept whole as gzipped JSON per environment and kind. A snapshot this version cannot read (written by another
 * version of the console) counts as none: it is read again from AWS, never shown half.
 */
public final class EstateCache {

    private static final Logger LOG = LoggerFactory.getLogger(EstateCache.class);

    /** A value with the time it was read from AWS. */
    public record Cached<T>(T value, Instant asOf) {
    }

    private final SnapshotStore store;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule()).addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public EstateCache(SnapshotStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What was last read for {@code environment} and {@code kind}, if anything readable was. */
    public <T> Optional<Cached<T>> last(String environment, String kind, TypeReference<T> type) {
        return store.read(environment, kind).flatMap(s -> {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(s.body()))) {
                return Optional.of(new Cached<>(json.readValue(in, type), s.takenAt()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("The {} snapshot of {} cannot be read ({}); it will be read again from AWS", kind,
                        environment, e.toString());
                return Optional.empty();
            }
        });
    }

    /**
     * Reads {@code live} (from AWS) and keeps its answer as the new snapshot before returning it. When the read fails,
     * nothing is written and the previous snapshot stays.
     */
    public <T> Cached<T> refresh(String environment, String kind, Callable<T> live) throws Exception {
        T value = live.call();
        Instant at = clock.instant();
        store.write(environment, kind, at, bytes(value));
        return new Cached<>(value, at);
    }

    private byte[] bytes(Object value) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            json.writeValue(gz, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
