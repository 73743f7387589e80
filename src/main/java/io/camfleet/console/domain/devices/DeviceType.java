package io.camfleet.console.domain.devices;

/** The kinds of review device the directory holds: Chromebooks and Chromeboxes, and Android tablets. */
public enum DeviceType {
    /** {@code customer/{customerId}/devices/chromeos}: addressed by {@code deviceId}. */
    CHROMEOS,
    /** {@code customer/{customerId}/devices/mobile}: addressed by {@code resourceId}. */
    ANDROID
}
