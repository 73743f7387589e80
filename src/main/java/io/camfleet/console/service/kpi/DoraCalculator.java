package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ReleaseStore;
import io.camfleet.console.service.deploy.TargetRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DORA from the deployment journal. The definitions, as the README's KPIs section states them:
 * <ul>
 *   <li><b>Deployment frequency</b>: deployments started (created in the journal) in the period, per day and per
 *   week of the period, whatever their outcome.</li>
 *   <li><b>Lead time for changes</b>: for each deployment that succeeded in the period, from the moment its release
 *   was stored in the console (the release store's creation time) to the moment the deployment succeeded, that is
 *   when its last targeted camera was at the version. A deployment is counted in the period its success falls in,
 *   even when it started up to {@link #LOOKBACK} before. Deployments still running, failed or aborted have no lead
 *   time; nor do releases the store no longer holds (counted apart).</li>
 *   <li><b>Change failure rate</b>: of the deployments started in the period that finished (succeeded, failed or
 *   aborted), the share that failed (ended FAILED), were rolled back (ended FAILED or ABORTED having rolled at
 *   least one camera back), or needed a hotfix: a deployment of another release of kind HOTFIX, started after it and
 *   at most {@code hotfixWindow} after it finished, at one of its sites. A deployment that succeeded is not rolled
 *   back for the few cameras its failure threshold let it roll back: the change stayed in production. Deployments
 *   still running are left out until they finish.</li>
 * </ul>
 * Time to restore comes from the alerts ({@link AlertFigures}).
 */
public final class DoraCalculator {

    /** How far before the period a deployment that succeeded in it may have started. */
    static final Duration LOOKBACK = Duration.ofDays(90);
    public static final Duration HOTFIX_WINDOW = Duration.ofDays(7);

    private final DeploymentJournal journal;
    private final ReleaseStore releases;
    private final Duration hotfixWindow;

    public DoraCalculator(DeploymentJournal journal, ReleaseStore releases, Duration hotfixWindow) {
        this.journal = journal;
        this.releases = releases;
        this.hotfixWindow = hotfixWindow;
    }

    public DoraFigures over(Period period) {
        List<DeploymentRecord> around = journal.startedBetween(period.from().minus(LOOKBACK),
                period.to().plus(hotfixWindow));
        Map<String, Ended> ends = new HashMap<>();
        Map<String, List<TargetRecord>> targets = new HashMap<>();
        List<DeploymentRecord> started = new ArrayList<>();
        for (DeploymentRecord d : around) {
            if (!d.createdAt().isBefore(period.from()) && d.createdAt().isBefore(period.to())) {
                started.add(d);
            }
        }
        List<Duration> leadTimes = new ArrayList<>();
        int leadUnknown = 0;
        for (DeploymentRecord d : around) {
            if (d.state() != DeploymentState.SUCCEEDED || d.createdAt().isAfter(period.to())) {
                continue;
            }
            Instant done = ended(d, ends).at();
            if (done.isBefore(period.from()) || !done.isBefore(period.to())) {
                continue;
            }
            Optional<Instant> created = releases.createdAt(d.releaseName(), d.releaseVersion());
            if (created.isPresent()) {
                leadTimes.add(Duration.between(created.get(), done));
            } else {
                leadUnknown++;
            }
        }
        int running = 0;
        int finished = 0;
        int failed = 0;
        int rolledBack = 0;
        int hotfixed = 0;
        int failures = 0;
        List<DeploymentRecord> hotfixes = hotfixes(around);
        for (DeploymentRecord d : started) {
            if (!d.state().isFinal()) {
                running++;
                continue;
            }
            finished++;
            boolean isFailed = d.state() == DeploymentState.FAILED;
            boolean isRolledBack = d.state() != DeploymentState.SUCCEEDED && rolledBack(d, ends);
            boolean isHotfixed = hotfixedAfter(d, ended(d, ends).at(), hotfixes, targets);
            failed += isFailed ? 1 : 0;
            rolledBack += isRolledBack ? 1 : 0;
            hotfixed += isHotfixed ? 1 : 0;
            failures += isFailed || isRolledBack || isHotfixed ? 1 : 0;
        }
        return new DoraFigures(period, started.size(), perDay(period, started), running, Spread.of(leadTimes),
                leadUnknown, new DoraFigures.ChangeFailures(finished, failed, rolledBack, hotfixed, failures));
    }

    /** When a finished deployment reached its final state, and whether any of its cameras was rolled back. */
    private record Ended(Instant at, boolean rolledBack) {
    }

    private Ended ended(DeploymentRecord d, Map<String, Ended> cache) {
        return cache.computeIfAbsent(d.id(), id -> {
            Instant at = d.updatedAt();
            boolean rolledBack = false;
            for (DeploymentJournal.Event e : journal.events(id)) {
                if (e.cameraId().isEmpty() && e.to().equals(d.state().name())) {
                    at = e.at();
                }
                rolledBack |= !e.cameraId().isEmpty() && e.to().equals(TargetState.ROLLED_BACK.name());
            }
            return new Ended(at, rolledBack);
        });
    }

    /** A camera rolled back at any attempt: its events say so even when a retry later succeeded. */
    private boolean rolledBack(DeploymentRecord d, Map<String, Ended> ends) {
        return ended(d, ends).rolledBack();
    }

    private List<DeploymentRecord> hotfixes(List<DeploymentRecord> around) {
        Map<String, Boolean> isHotfix = new HashMap<>();
        List<DeploymentRecord> out = new ArrayList<>();
        for (DeploymentRecord d : around) {
            boolean hotfix = isHotfix.computeIfAbsent(d.releaseName() + "\u0000" + d.releaseVersion(),
                    k -> releases.find(d.releaseName(), d.releaseVersion())
                            .map(r -> r.kind() == ReleaseKind.HOTFIX).orElse(false));
            if (hotfix) {
                out.add(d);
            }
        }
        return out;
    }

    private boolean hotfixedAfter(DeploymentRecord d, Instant end, List<DeploymentRecord> hotfixes,
                                  Map<String, List<TargetRecord>> targets) {
        Instant until = end.plus(hotfixWindow);
        Set<String> sites = null;
        for (DeploymentRecord h : hotfixes) {
            boolean sameRelease = h.releaseName().equals(d.releaseName())
                    && h.releaseVersion().equals(d.releaseVersion());
            if (sameRelease || !h.createdAt().isAfter(d.createdAt()) || h.createdAt().isAfter(until)) {
                continue;
            }
            if (sites == null) {
                sites = sites(d, targets);
            }
            if (!Collections.disjoint(sites, sites(h, targets))) {
                return true;
            }
        }
        return false;
    }

    private Set<String> sites(DeploymentRecord d, Map<String, List<TargetRecord>> targets) {
        Set<String> out = new HashSet<>();
        targets.computeIfAbsent(d.id(), journal::targets).forEach(t -> out.add(t.target().siteId()));
        return out;
    }

    private static List<DayCount> perDay(Period period, List<DeploymentRecord> started) {
        Map<LocalDate, Integer> counts = new HashMap<>();
        started.forEach(d -> counts.merge(day(d.createdAt()), 1, Integer::sum));
        List<DayCount> out = new ArrayList<>();
        for (LocalDate day = day(period.from()); !day.isAfter(day(period.to().minusNanos(1))); day = day.plusDays(1)) {
            out.add(new DayCount(day, counts.getOrDefault(day, 0)));
        }
        return out;
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
