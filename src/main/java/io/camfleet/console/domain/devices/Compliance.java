package io.camfleet.console.domain.devices;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges review devices against the {@link ComplianceRules}, at one instant, against the newest OS milestone seen on
 * a device of each type and the reviewers list. The edges, decided once here:
 * <ul>
 *   <li>OS_BEHIND: exactly N milestones behind the newest is fine, N+1 breaks; a version whose milestone cannot be
 *       read is not judged and does not count as the newest.</li>
 *   <li>UPDATES_ENDED: {@code autoUpdateThrough} is the last day the device receives updates, so they have ended
 *       from the day after it (days in UTC, as the directory gives the date).</li>
 *   <li>UPDATES_ENDING: the last day of updates is today or at most N days after today (inclusive: 90 days away
 *       breaks, 91 does not); a device whose updates ended breaks UPDATES_ENDED instead.</li>
 *   <li>NOT_SYNCED: N days or more since the last sync, to the instant. A device that never synced is judged from
 *       its enrollment (a device enrolled yesterday has had no time to sync); with neither, it breaks.</li>
 *   <li>NO_REVIEWER: only for a device in use ({@link ReviewDevice#active()}).</li>
 *   <li>UNKNOWN_REVIEWER: only when a reviewers list is configured, and only for a device with a reviewer; emails
 *       compare without regard to case.</li>
 * </ul>
 */
public final class Compliance {

    private final ComplianceRules rules;
    private final Map<DeviceType, Integer> newest;
    private final Set<String> reviewers;
    private final Instant now;
    private final LocalDate today;

    /**
     * @param newest    the newest OS milestone seen per type; a type absent is not judged for OS_BEHIND
     * @param reviewers the reviewers list, or null when none is configured (UNKNOWN_REVIEWER is then not judged)
     */
    public Compliance(ComplianceRules rules, Map<DeviceType, Integer> newest, Collection<String> reviewers,
                      Instant now) {
        this.rules = rules;
        this.newest = Map.copyOf(newest);
        this.reviewers = reviewers == null ? null
                : reviewers.stream().map(Compliance::email).collect(Collectors.toUnmodifiableSet());
        this.now = now;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** Judges {@code devices} against the newest milestone seen among themselves. */
    public static Compliance of(ComplianceRules rules, List<ReviewDevice> devices, Collection<String> reviewers,
                                Instant now) {
        return new Compliance(rules, newestMilestones(devices), reviewers, now);
    }

    /** The newest OS milestone per type among {@code devices}, from the versions that can be read. */
    public static Map<DeviceType, Integer> newestMilestones(List<ReviewDevice> devices) {
        Map<DeviceType, Integer> newest = new EnumMap<>(DeviceType.class);
        for (ReviewDevice d : devices) {
            OptionalInt m = milestone(d.osVersion());
            if (m.isPresent()) {
                newest.merge(d.type(), m.getAsInt(), Math::max);
            }
        }
        return newest;
    }

    /**
     * The milestone of an OS version: the number before the first dot ({@code 126.0.6478.132} is 126, Android
     * {@code 14} is 14, {@code 13.1} is 13); empty when it does not start with one.
     */
    public static OptionalInt milestone(String osVersion) {
        String v = osVersion == null ? "" : osVersion.strip();
        int end = 0;
        while (end < v.length() && end < 6 && Character.isDigit(v.charAt(end)) && v.charAt(end) < 128) {
            end++;
        }
        boolean whole = end > 0 && (end == v.length() || v.charAt(end) == '.');
        return whole ? OptionalInt.of(Integer.parseInt(v.substring(0, end))) : OptionalInt.empty();
    }

    public JudgedDevice judge(ReviewDevice d) {
        Set<ComplianceRule> broken = EnumSet.noneOf(ComplianceRule.class);
        if (osBehind(d)) {
            broken.add(ComplianceRule.OS_BEHIND);
        }
        LocalDate end = d.autoUpdateEnd();
        if (end != null) {
            if (today.isAfter(end)) {
                broken.add(ComplianceRule.UPDATES_ENDED);
            } else if (!end.isAfter(today.plusDays(rules.updatesEndingDays()))) {
                broken.add(ComplianceRule.UPDATES_ENDING);
            }
        }
        if (notSynced(d)) {
            broken.add(ComplianceRule.NOT_SYNCED);
        }
        if (d.active() && d.reviewer().isBlank()) {
            broken.add(ComplianceRule.NO_REVIEWER);
        }
        if (reviewers != null && !d.reviewer().isBlank() && !reviewers.contains(email(d.reviewer()))) {
            broken.add(ComplianceRule.UNKNOWN_REVIEWER);
        }
        return new JudgedDevice(d, broken);
    }

    public List<JudgedDevice> judge(List<ReviewDevice> devices) {
        return devices.stream().map(this::judge).toList();
    }

    /** How many devices break each rule; every rule is there, with 0 when none does. */
    public static Map<ComplianceRule, Integer> count(List<JudgedDevice> judged) {
        Map<ComplianceRule, Integer> counts = new EnumMap<>(ComplianceRule.class);
        for (ComplianceRule r : ComplianceRule.values()) {
            counts.put(r, 0);
        }
        for (JudgedDevice j : judged) {
            j.broken().forEach(r -> counts.merge(r, 1, Integer::sum));
        }
        return counts;
    }

    private boolean osBehind(ReviewDevice d) {
        Integer top = newest.get(d.type());
        OptionalInt mine = milestone(d.osVersion());
        return top != null && mine.isPresent() && top - mine.getAsInt() > rules.milestonesBehind();
    }

    private boolean notSynced(ReviewDevice d) {
        Instant since = d.lastSync() != null ? d.lastSync() : d.lastEnrollment();
        return since == null || Duration.between(since, now).compareTo(Duration.ofDays(rules.notSyncedDays())) >= 0;
    }

    private static String email(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
