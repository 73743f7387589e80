package io.camfleet.console.service.environments;

/**
 * Where each camera's health metrics live in CloudWatch: one namespace, one dimension naming the camera (its IoT
 * thing name), and four metrics. The defaults are what the README's "Connecting to AWS" section documents.
 *
 * @param heartbeat   one data point per heartbeat; its newest one is the camera's last heartbeat
 * @param frames      frames captured, summed per minute
 * @param diskUsed    disk used, in percent
 * @param temperature board temperature, in degrees Celsius
 */
public record MetricNames(String namespace, String dimension, String heartbeat, String frames, String diskUsed,
                          String temperature) {

    public static final MetricNames DEFAULT = new MetricNames("CamFleet", "CameraId", "Heartbeat", "FramesCaptured",
            "DiskUsedPercent", "TemperatureC");
}
