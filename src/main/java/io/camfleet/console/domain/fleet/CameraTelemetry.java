package io.camfleet.console.domain.fleet;

import java.time.Instant;

/**
 * The latest things a camera system told us. Any metric may be missing ({@code null}): not every source reports all.
 *
 * @param lastHeartbeat    when the camera last checked in; {@code null} if it never has
 * @param mode             what it says it is doing
 * @param framesPerMinute  frames captured in the last minute
 * @param diskUsedPercent  0..100
 * @param temperatureC     board temperature in degrees Celsius
 */
public record CameraTelemetry(
        Instant lastHeartbeat,
        OperatingMode mode,
        Double framesPerMinute,
        Double diskUsedPercent,
        Double temperatureC) {

    public static final CameraTelemetry NEVER_SEEN = new CameraTelemetry(null, OperatingMode.NORMAL, null, null, null);

    public CameraTelemetry {
        if (mode == null) {
            mode = OperatingMode.NORMAL;
        }
    }

    public CameraTelemetry withHeartbeat(Instant at) {
        return new CameraTelemetry(at, mode, framesPerMinute, diskUsedPercent, temperatureC);
    }
}
