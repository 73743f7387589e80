package io.camfleet.console.service.tracker;

/**
 * The account the tracker's credentials act as, shown so the operator sees whose name the issues are created in.
 *
 * @param id          the tracker's account id
 * @param displayName the person's or robot's name
 * @param email       its email, "" when the tracker hides it
 */
public record TrackerAccount(String id, String displayName, String email) {
}
