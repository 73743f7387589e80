package io.camfleet.console.adapter.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.Instant;

/**
 * A camera's health as its classic shadow reports it, read from the shadow the fleet index holds in each thing
 * document ({@code thingIndexingMode} {@code REGISTRY_AND_SHADOW}): {@code {"reported": {...}, "metadata":
 * {"reported": {"<field>": {"timestamp": epochSeconds}}}}}. The fields: {@value #FRAMES} (frames captured in the last
 * minute), {@value #DISK} and {@value #TEMPERATURE}; the last heartbeat is the newest of their timestamps. A value
 * older than the lookback is left out, as CloudWatch's newest value would be.
 *
 * @param heartbeat   the newest timestamp of the fields reported, never later than now
 * @param frames      null when not reported or too old
 * @param disk        null when not reported or too old
 * @param temperature null when not reported or too old
 */
record ShadowTelemetry(Instant heartbeat, Double frames, Double disk, Double temperature) {

    static final String FRAMES = "framesCaptured";
    static final String DISK = "diskUsedPercent";
    static final String TEMPERATURE = "temperatureC";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The telemetry in {@code shadow}; null when it has none of the fields with a timestamp (no shadow, another use
     * of the shadow): that camera's health comes from CloudWatch.
     *
     * @throws IllegalArgumentException when {@code shadow} is not JSON
     */
    static ShadowTelemetry of(String shadow, Instant now, Duration lookback) {
        if (shadow == null || shadow.isBlank()) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(shadow);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the indexed shadow is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode reported = root.path("reported");
        JsonNode times = root.path("metadata").path("reported");
        Instant newest = null;
        Double[] values = new Double[3];
        String[] fields = {FRAMES, DISK, TEMPERATURE};
        for (int i = 0; i < fields.length; i++) {
            JsonNode value = reported.path(fields[i]);
            JsonNode time = times.path(fields[i]).path("timestamp");
            if (!value.isNumber() || !time.canConvertToLong() || time.asLong() <= 0) {
                continue;
            }
            Instant at = Instant.ofEpochSecond(time.asLong());
            if (newest == null || at.isAfter(newest)) {
                newest = at;
            }
            if (!at.isBefore(now.minus(lookback))) {
                values[i] = value.asDouble();
            }
        }
        if (newest == null) {
            return null;
        }
        return new ShadowTelemetry(newest.isAfter(now) ? now : newest, values[0], values[1], values[2]);
    }
}
