package io.camfleet.console.service.reports;

import io.camfleet.console.adapter.geo.NaturalEarthBasemap;
import io.camfleet.console.adapter.render.PngMapRasterizer;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.availability.SlaTargets;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.availability.AvailabilityService;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.map.MapSnapshotService;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A proposal's sources over a real cache database in a data folder: a fleet (the demo's or a hand-made one), the
 * availability service over the cache's health history, the real map snapshot (Natural Earth, PNG), and the reports
 * settings, which a test may change.
 */
final class SalesFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

    final Path folder;
    final CacheDatabase db;
    final FleetSnapshot fleet;
    final AtomicReference<ReportSettings> settings = new AtomicReference<>(ReportSettings.DEFAULTS);
    final SalesProposals proposals;

    /** @param history whether the demo's 35 days of health history go into the cache first */
    SalesFixture(Path folder, FleetSource source, boolean history) {
        this.folder = folder;
        TestClock clock = new TestClock(NOW);
        db = CacheDatabase.open(folder, clock);
        fleet = Fleets.uncached(source, clock).reload(Progress.NONE);
        if (history && source instanceof io.camfleet.console.adapter.sim.DemoFleetSource demo) {
            demo.backfill(db.healthHistory(), NOW, io.camfleet.console.adapter.sim.DemoFleetSource.HISTORY);
        }
        AvailabilityService availability = new AvailabilityService(db.healthHistory(), fleet::inventory,
                () -> AvailabilitySettings.DEFAULT);
        proposals = new SalesProposals(new SalesProposals.Inputs(() -> fleet, availability,
                () -> db.healthHistory().firstObserved(),
                () -> SlaTargets.DEFAULT, new MapSnapshotService(new NaturalEarthBasemap(), new PngMapRasterizer()),
                settings::get, folder, () -> "operator-os-user", clock), new Messages(Locale.ROOT));
    }

    @Override
    public void close() {
        db.close();
    }

    /** A small PNG, as a company's logo. */
    static byte[] logoPng() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Every text the document holds: cover, headings, paragraphs, facts, captions, table headers and cells. */
    static List<String> texts(ReportDocument doc) {
        List<String> out = new ArrayList<>();
        var c = doc.cover();
        out.addAll(List.of(c.title(), c.subtitle(), c.preparedFor(), c.author(), c.branding().company(),
                doc.footer()));
        c.facts().forEach(f -> out.addAll(List.of(f.label(), f.value())));
        for (Section s : doc.sections()) {
            out.add(s.title());
            for (Block b : s.blocks()) {
                switch (b) {
                    case Block.Paragraph p -> out.add(p.text());
                    case Block.Facts f -> f.facts().forEach(x -> out.addAll(List.of(x.label(), x.value())));
                    case Block.Picture p -> out.add(p.caption());
                    case Block.Verdict v -> out.add(v.text());
                    case Block.TableBlock t -> out.addAll(texts(t.table()));
                }
            }
        }
        return out;
    }

    static List<String> texts(Table t) {
        List<String> out = new ArrayList<>();
        t.columns().forEach(col -> out.add(col.header()));
        out.add(t.summary());
        for (List<Object> row : t.rows()) {
            row.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    static Section section(ReportDocument doc, String title) {
        return doc.sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    static <T extends Block> T block(Section s, Class<T> type) {
        return s.blocks().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    static List<List<Object>> rows(Table t) {
        List<List<Object>> out = new ArrayList<>();
        t.rows().forEach(out::add);
        return out;
    }
}
