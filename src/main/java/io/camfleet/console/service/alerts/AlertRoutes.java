package io.camfleet.console.service.alerts;

import io.camfleet.console.service.settings.SettingsStore;

/**
 * The routes of Settings, kept and in use: saving them writes the {@code alertRoutes} section and hands the routes to
 * the delivery at once.
 */
public final class AlertRoutes {

    private final SettingsStore settings;
    private final RoutedDelivery delivery;
    private volatile AlertRoutesSettings inUse;

    /** Starts the delivery on the routes the settings file holds now (their defaults when it cannot be read). */
    public AlertRoutes(SettingsStore settings, RoutedDelivery delivery) {
        this.settings = settings;
        this.delivery = delivery;
        this.inUse = settings.read().get(AlertRoutesSettings.SECTION);
        delivery.use(inUse.routes());
    }

    /** The routes and desktop options in use. */
    public AlertRoutesSettings inUse() {
        return inUse;
    }

    /**
     * The routes and desktop options as the file holds them now, for an edit.
     *
     * @throws io.camfleet.console.service.common.Problem when the section cannot be read: an edit must not overwrite
     *                                                    what the operator wrote there
     */
    public AlertRoutesSettings current() {
        return settings.read().require(AlertRoutesSettings.SECTION);
    }

    /**
     * Saves {@code changed} and uses it from now on.
     *
     * @throws io.camfleet.console.service.common.Problem when the file cannot be written; nothing then changes
     */
    public void save(AlertRoutesSettings changed) {
        settings.write(AlertRoutesSettings.SECTION, changed);
        inUse = changed;
        delivery.use(changed.routes());
    }

    public RoutedDelivery delivery() {
        return delivery;
    }
}
