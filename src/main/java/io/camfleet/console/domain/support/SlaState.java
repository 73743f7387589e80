package io.camfleet.console.domain.support;

import java.time.Instant;

/**
 * A ticket's SLA timers at one instant.
 *
 * @param responseDue        when the response is, was or would be due
 * @param respondedAt        when the first person responded; null if nobody has yet
 * @param responseBreached   whether the response came at or after its due instant, or has not come by then
 * @param resolutionDue      when the resolution is due as things stand: while paused or resolved, as if the clock
 *                           ran on from now or from the resolution
 * @param resolutionBreached whether the working clock reached the resolution target before the ticket was resolved
 * @param paused             whether the clock stands still now (waiting on the customer)
 */
public record SlaState(Instant responseDue, Instant respondedAt, boolean responseBreached, Instant resolutionDue,
                       boolean resolutionBreached, boolean paused) {

    /** Either target breached: what the queue highlights. */
    public boolean breached() {
        return responseBreached || resolutionBreached;
    }
}
