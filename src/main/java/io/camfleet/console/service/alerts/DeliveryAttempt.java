package io.camfleet.console.service.alerts;

import java.time.Instant;

/**
 * One attempt of a delivery, as recorded.
 *
 * @param number the attempt's number, from 1
 * @param millis how long it took
 */
public record DeliveryAttempt(int number, Instant at, SendResult.Outcome outcome, int status, long millis,
                              String detail) {
}
