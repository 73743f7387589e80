package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.BudgetGuard;
import io.camfleet.console.service.common.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The error budget left this month at a plan's sites, per wave, and the sites its guard would hold back now: part of
 * the dry run. A wave's sites may run short of budget while earlier waves run; the rollout weighs them again as each
 * wave starts.
 *
 * @param known    false when no availability figures are kept: then nothing else is said
 * @param heldBack the sites below the guard, in wave order; listed even when an emergency overrides the guard
 */
public record BudgetCheck(boolean known, BudgetGuard guard, List<WaveBudget> waves, List<HeldSite> heldBack) {

    public BudgetCheck {
        waves = List.copyOf(waves);
        heldBack = List.copyOf(heldBack);
    }

    /** No availability figures kept: every budget unknown. */
    public static BudgetCheck unknown(BudgetGuard guard) {
        return new BudgetCheck(false, guard, List.of(), List.of());
    }

    /** The sites that would be skipped: below the guard, and the guard not overridden. */
    public List<HeldSite> skipped() {
        return guard.holds() ? heldBack : List.of();
    }

    /**
     * The dry run's lines about budgets, as the wizard and {@code camfleet deploy --dry-run} print them: per wave the
     * lowest budget left and how many sites are below the guard, then the sites held back (at most {@code most}).
     *
     * @param waveName a wave's name by its index ("Canary", "Wave 1")
     */
    public List<String> describe(Messages m, IntFunction<String> waveName, int most) {
        List<String> lines = new ArrayList<>();
        if (!known) {
            lines.add(m.text("deploy.dryRun.budgetsUnknown"));
            if (guard.isSet()) {
                lines.add(guard.isEmergency() ? m.text("deploy.dryRun.overridden", guard, guard.emergencyReason(), 0)
                        : m.text("deploy.budgetsUnknown", guard));
            }
            return lines;
        }
        for (WaveBudget w : waves) {
            String unknownSites = w.unknown() > 0 ? m.text("deploy.dryRun.budgetUnknownSites", w.unknown()) : "";
            lines.add(Double.isNaN(w.lowestPercent()) ? m.text("deploy.dryRun.budgetNone", waveName.apply(w.wave()))
                    : m.text("deploy.dryRun.budgetLine", waveName.apply(w.wave()), percent(w.lowestPercent()),
                    w.lowestSite(), w.belowGuard(), unknownSites));
        }
        if (!guard.isSet()) {
            lines.add(m.text("deploy.dryRun.noGuard"));
            return lines;
        }
        if (guard.isEmergency()) {
            lines.add(m.text("deploy.dryRun.overridden", guard, guard.emergencyReason(), heldBack.size()));
        } else if (heldBack.isEmpty()) {
            lines.add(m.text("deploy.dryRun.heldBackNone", guard));
            return lines;
        } else {
            lines.add(m.text("deploy.dryRun.heldBack", guard, heldBack.size(),
                    heldBack.stream().mapToInt(HeldSite::cameras).sum()));
        }
        heldBack.stream().limit(most).forEach(h -> lines.add("  " + m.text("deploy.dryRun.heldSite", h.siteName(),
                waveName.apply(h.wave()), percent(h.leftPercent()), h.cameras())));
        if (heldBack.size() > most) {
            lines.add("  " + m.text("deploy.dryRun.more", heldBack.size() - most));
        }
        return lines;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    /**
     * One wave's sites and their budgets.
     *
     * @param lowestPercent the least budget left among its sites, in percent of their monthly budget (NaN when no
     *                      site of the wave is known to the figures)
     * @param belowGuard    how many of its sites are below the guard
     * @param unknown       how many of its sites the figures do not know (no history yet)
     */
    public record WaveBudget(int wave, int sites, double lowestPercent, String lowestSite, int belowGuard,
                             int unknown) {
    }

    /** A site below the guard: its cameras in that wave, and the budget it has left, in percent. */
    public record HeldSite(String siteId, String siteName, int wave, int cameras, double leftPercent) {
    }
}
