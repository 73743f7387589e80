package io.camfleet.console.domain.deploy;

import java.util.Locale;

/**
 * The plan's error-budget guard: sites with less than {@code percent} of this month's error budget left are held back
 * (their cameras are not touched). An emergency plan overrides it, and must say why; the launch audit names the
 * override and the sites it lets through.
 *
 * @param percent         0 (no guard) to 100: the share of the monthly budget a site must still have
 * @param emergencyReason why this plan may override the guard; null when it is no emergency
 */
public record BudgetGuard(int percent, String emergencyReason) {

    public static final BudgetGuard NONE = new BudgetGuard(0, null);

    public BudgetGuard {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("errorBudgetGuard is " + percent
                    + " %: write a share of the monthly error budget from 0% to 100%, such as \"25%\".");
        }
        if (emergencyReason != null) {
            emergencyReason = emergencyReason.strip();
            if (emergencyReason.isEmpty()) {
                throw new IllegalArgumentException("An emergency plan must say why: write it in emergencyReason.");
            }
        }
    }

    /**
     * {@code "25%"} or {@code "25"}, a whole percentage from 0 to 100.
     *
     * @throws IllegalArgumentException naming the value and what to write instead
     */
    public static int parsePercent(String text) {
        String t = text.strip();
        String digits = t.endsWith("%") ? t.substring(0, t.length() - 1).strip() : t;
        try {
            int p = Integer.parseInt(digits);
            if (p >= 0 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("errorBudgetGuard is '" + text
                + "': write a whole share of the monthly error budget from 0% to 100%, such as \"25%\".");
    }

    public boolean isSet() {
        return percent > 0;
    }

    public boolean isEmergency() {
        return emergencyReason != null;
    }

    /** Whether this guard holds sites back: set, and not overridden by an emergency. */
    public boolean holds() {
        return isSet() && !isEmergency();
    }

    /** Whether a site with {@code budgetLeftFraction} of its budget left (1.0 untouched, below 0 breached) is below it. */
    public boolean below(double budgetLeftFraction) {
        return isSet() && budgetLeftFraction * 100.0 < percent;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d%%", percent);
    }
}
