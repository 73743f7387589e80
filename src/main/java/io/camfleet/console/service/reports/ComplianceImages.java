package io.camfleet.console.service.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.kpi.EstateImageDates;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Section 2: each camera's image, its age in whole UTC days at the report's date and whether the catalogue judged it
 * outdated, from the images catalogues the AWS estate screen last read (as the KPI's image ages do: no report asks
 * AWS). An image of the same name in two environments is the oldest of them, as a copy keeps its original's name.
 */
final class ComplianceImages {

    private static final TypeReference<List<CatalogueEntry>> CATALOGUE = new TypeReference<>() {
    };

    private ComplianceImages() {
    }

    /** What the catalogue says of one image, by id and by name. */
    private record Known(LocalDate builtOn, boolean outdated) {
    }

    static Section section(ComplianceContext c, Optional<EstateCache> estate, List<String> environments) {
        Map<String, Known> known = new HashMap<>();
        List<String> read = new ArrayList<>();
        estate.ifPresent(cache -> environments.forEach(env -> cache.last(env, EstateImageDates.KIND, CATALOGUE)
                .ifPresent(catalogue -> {
                    read.add(c.t("report.compliance.images.readAt.value", env, catalogue.asOf().toString()));
                    catalogue.value().forEach(e -> know(known, e));
                })));
        String gap = environments.isEmpty() ? c.t("report.compliance.images.noEnvironment")
                : known.isEmpty() ? c.t("report.compliance.images.gap") : null;
        int cameras = gap == null ? c.fleet().cameraCount() : 0;
        LocalDate today = LocalDate.ofInstant(c.now(), ZoneOffset.UTC);
        int outdated = 0;
        int unknown = 0;
        for (int i = 0; i < cameras; i++) {
            Known k = known.get(c.fleet().camera(i).image());
            outdated += k != null && k.outdated() ? 1 : 0;
            unknown += k == null ? 1 : 0;
        }
        List<Block> headline = gap != null ? List.of() : List.of(new Block.Facts(List.of(
                c.fact("report.compliance.images.cameras", cameras),
                c.fact("report.compliance.images.outdated", outdated),
                c.fact("report.compliance.images.unknown", unknown),
                c.fact("report.compliance.images.readAt", String.join("; ", read)))));
        Iterable<List<Object>> rows = () -> IntStream.range(0, cameras).mapToObj(i -> {
            CameraSystem cam = c.fleet().camera(i);
            Known k = known.get(cam.image());
            return ComplianceContext.row(cam.id(), cam.siteId(), cam.image(), k == null ? null : k.builtOn(),
                    k == null ? null : ChronoUnit.DAYS.between(k.builtOn(), today),
                    k == null ? c.t("report.compliance.unknown") : c.yes(k.outdated()));
        }).iterator();
        Table table = new Table("image-age", List.of(c.text("report.compliance.col.camera"),
                c.text("report.compliance.col.site"), c.text("report.compliance.col.image"),
                c.date("report.compliance.col.builtOn"), c.integer("report.compliance.col.ageDays"),
                c.text("report.compliance.col.outdated")), rows,
                gap != null ? "" : c.t("report.compliance.images.summary", outdated, cameras));
        return c.section("report.compliance.images.title", "report.compliance.images.about", gap, headline,
                List.of(table));
    }

    private static void know(Map<String, Known> known, CatalogueEntry e) {
        MachineImage i = e.image();
        Known k = new Known(LocalDate.ofInstant(i.created(), ZoneOffset.UTC), e.verdict().outdated());
        known.merge(i.id(), k, ComplianceImages::older);
        if (!i.name().isBlank()) {
            known.merge(i.name(), k, ComplianceImages::older);
        }
    }

    private static Known older(Known a, Known b) {
        return b.builtOn().isBefore(a.builtOn()) ? b : a;
    }
}
