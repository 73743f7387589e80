package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.HealthState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the painter puts things, read off a recording canvas. */
class MapPainterTest {

    private final MapPainter painter = new MapPainter(MapStyle.LIGHT);

    private static MapItem cluster(int online, int offline) {
        int[] counts = new int[HealthState.count()];
        counts[HealthState.ONLINE.ordinal()] = online;
        counts[HealthState.OFFLINE.ordinal()] = offline;
        return new MapItem(300, 300, -1, online + offline, counts,
                offline > 0 ? HealthState.OFFLINE : HealthState.ONLINE, 1L, 0);
    }

    @Test
    void anOfflineBadgeSitsClearOfItsRingAndInsideWhatTheClusterClaimsOnScreen() {
        for (int[] c : new int[][] {{5, 1}, {110, 10}, {733, 10}, {3_800, 1_200}, {20_000, 9_000}}) {
            MapItem item = cluster(c[0], c[1]);
            RecordingCanvas canvas = new RecordingCanvas(600, 600);
            painter.paintItems(canvas, List.of(item), -1);
            double r = MapPainter.clusterRadius(item.count());
            int count = -1;
            for (int i = 0; i < canvas.painted.size(); i++) {
                RecordingCanvas.Painted p = canvas.painted.get(i);
                if ("text".equals(p.kind()) && p.align() == MapCanvas.Align.CENTER) {
                    count = i;
                }
            }
            List<RecordingCanvas.Painted> badge = canvas.painted.subList(count + 1, canvas.painted.size());
            assertThat(badge).as("%s offline: a badge", c[1]).isNotEmpty()
                    .anySatisfy(p -> assertThat(p.text()).isEqualTo(MapPainter.compact(c[1])));
            for (RecordingCanvas.Painted p : badge) {
                assertThat(p.distanceFrom(300, 300)).as("%s of the badge of %s from the centre", p.kind(), c[1])
                        .isGreaterThanOrEqualTo(r + 2);
            }
            // What the cluster claims is what keeps its neighbours away (FleetMapIndex.separated).
            for (RecordingCanvas.Painted p : canvas.painted) {
                assertThat(p.reachFrom(300, 300)).as("%s of a cluster of %s", p.kind(), item.count())
                        .isLessThanOrEqualTo(MapPainter.footprint(item));
            }
            assertThat(MapPainter.footprint(item)).isLessThanOrEqualTo(MapPainter.maxFootprint());
        }
    }

    @Test
    void aClusterWithNothingOfflineHasNoBadge() {
        RecordingCanvas canvas = new RecordingCanvas(600, 600);
        painter.paintItems(canvas, List.of(cluster(40, 0)), -1);
        assertThat(canvas.painted).filteredOn(p -> "text".equals(p.kind())).singleElement()
                .satisfies(p -> assertThat(p.text()).isEqualTo("40"));
    }
}
