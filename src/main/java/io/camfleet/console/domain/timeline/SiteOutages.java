package io.camfleet.console.domain.timeline;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When a site was down, from its cameras' health stretches, by the one site-down rule the map and the availability
 * figures use: a sweep over the starts and ends of the stretches, the site judged after each instant's changes.
 */
public final class SiteOutages {

    /** A camera's stretch in a state other than ONLINE; {@code to} is null while it lasts. */
    public record CameraSpan(String cameraId, HealthState state, Instant from, Instant to) {
        public CameraSpan {
            Objects.requireNonNull(cameraId, "cameraId");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(from, "from");
        }
    }

    private SiteOutages() {
    }

    /**
     * The site's outages, oldest first. A camera of {@code cameraIds} with no stretch at some time is ONLINE then;
     * stretches of other cameras are passed over. An outage still going at the last change has a null end.
     */
    public static List<Timeline.Outage> of(SiteDownRule rule, Collection<String> cameraIds, List<CameraSpan> spans) {
        Map<String, Integer> index = new HashMap<>();
        for (String id : cameraIds) {
            index.putIfAbsent(id, index.size());
        }
        int states = HealthState.count();
        List<long[]> changes = new ArrayList<>(); // {epoch second, nano, camera, state, +1/-1}
        for (CameraSpan s : spans) {
            Integer camera = index.get(s.cameraId());
            if (camera == null || s.state() == HealthState.ONLINE || (s.to() != null && !s.to().isAfter(s.from()))) {
                continue;
            }
            changes.add(change(s.from(), camera, s.state(), 1));
            if (s.to() != null) {
                changes.add(change(s.to(), camera, s.state(), -1));
            }
        }
        changes.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int[] active = new int[index.size() * states]; // stretches going on, per camera and state
        int[] counts = new int[states]; // cameras per state
        counts[HealthState.ONLINE.ordinal()] = index.size();
        int[] shown = new int[index.size()];
        Arrays.fill(shown, HealthState.ONLINE.ordinal());
        List<Timeline.Outage> outages = new ArrayList<>();
        Instant downSince = null;
        int i = 0;
        while (i < changes.size()) {
            long second = changes.get(i)[0];
            long nano = changes.get(i)[1];
            while (i < changes.size() && changes.get(i)[0] == second && changes.get(i)[1] == nano) {
                long[] c = changes.get(i++);
                int camera = (int) c[2];
                active[camera * states + (int) c[3]] += (int) c[4];
                int now = worst(active, camera, states);
                counts[shown[camera]]--;
                counts[now]++;
                shown[camera] = now;
            }
            boolean down = rule.siteState(counts) == HealthState.OFFLINE;
            Instant at = Instant.ofEpochSecond(second, nano);
            if (down && downSince == null) {
                downSince = at;
            } else if (!down && downSince != null) {
                outages.add(new Timeline.Outage(downSince, at));
                downSince = null;
            }
        }
        if (downSince != null) {
            outages.add(new Timeline.Outage(downSince, null));
        }
        return outages;
    }

    private static long[] change(Instant at, int camera, HealthState state, int delta) {
        return new long[] {at.getEpochSecond(), at.getNano(), camera, state.ordinal(), delta};
    }

    /** A camera's state: the worst of its stretches going on, ONLINE without one. */
    private static int worst(int[] active, int camera, int states) {
        for (int s = 0; s < states; s++) {
            if (active[camera * states + s] > 0) {
                return s;
            }
        }
        return HealthState.ONLINE.ordinal();
    }
}
