package io.camfleet.console.domain.alerts;

/**
 * The alert's life as a transition function: RAISED -> ACKNOWLEDGED -> RESOLVED, or RAISED -> RESOLVED. A resolved
 * alert is over: a condition that comes back later is a new alert. A step that does not fit is refused with the
 * reason, which the service turns into a sentence.
 */
public final class AlertTransitions {

    /** Why a step was refused. */
    public enum Refusal { ALREADY_RAISED, ALREADY_ACKNOWLEDGED, ALREADY_RESOLVED, NOT_RAISED_YET }

    /** A step that does not fit the alert's state. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Refusal reason;

        Refused(AlertStatus from, AlertStep step, Refusal reason) {
            super("An alert " + from + " cannot take the step " + step + ": " + reason);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    private AlertTransitions() {
    }

    /**
     * Where {@code step} takes an alert in {@code from}; {@code from} is null for one not raised yet.
     *
     * @throws Refused when the step does not fit
     */
    public static AlertStatus next(AlertStatus from, AlertStep step) {
        if (from == null) {
            if (step == AlertStep.RAISE) {
                return AlertStatus.RAISED;
            }
            throw new Refused(null, step, Refusal.NOT_RAISED_YET);
        }
        if (from == AlertStatus.RESOLVED) {
            throw new Refused(from, step, Refusal.ALREADY_RESOLVED);
        }
        return switch (step) {
            case RAISE -> throw new Refused(from, step, Refusal.ALREADY_RAISED);
            // a flap keeps whoever took the alert on: it is the same trouble, still theirs
            case REOPEN -> from;
            case ACKNOWLEDGE -> {
                if (from == AlertStatus.ACKNOWLEDGED) {
                    throw new Refused(from, step, Refusal.ALREADY_ACKNOWLEDGED);
                }
                yield AlertStatus.ACKNOWLEDGED;
            }
            case RESOLVE -> AlertStatus.RESOLVED;
        };
    }
}
