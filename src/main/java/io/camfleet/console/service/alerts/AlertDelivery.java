package io.camfleet.console.service.alerts;

/**
 * Port: where each step of an alert's life goes out of the console (the routes in Settings: webhook, Slack,
 * PagerDuty). {@link #send} only queues and returns at once; delivery, retries with back-off and the record of each
 * attempt happen behind it, and a delivery that finally fails is shown, never dropped silently.
 */
public interface AlertDelivery {

    AlertDelivery NONE = notice -> { };

    void send(AlertNotice notice);
}
