package io.camfleet.console.service.reports;

import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.SiteSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import static io.camfleet.console.service.reports.SalesFixture.block;
import static io.camfleet.console.service.reports.SalesFixture.rows;
import static io.camfleet.console.service.reports.SalesFixture.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The proposal built over the demo fleet (300 sites, 35 days of health history) in a real cache in a data folder,
 * with the README's price list, a PNG logo and two reference sites, read back block by block.
 */
class SalesProposalsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @TempDir
    Path dir;
    private SalesFixture f;
    private List<SiteSummary> eu;
    private List<SiteSummary> references;
    private List<SiteSummary> scope;

    @BeforeEach
    void open() throws Exception {
        f = new SalesFixture(dir, new DemoFleetSource(300, DemoFleetSource.DEFAULT_SEED), true);
        Files.writeString(dir.resolve("prices.yaml"), PriceListFileTest.GOOD);
        Files.write(dir.resolve("logo.png"), SalesFixture.logoPng());
        eu = f.fleet.sites().stream().filter(s -> s.site().region().equals("EU")).toList();
        SiteSummary first = eu.getFirst();
        SiteSummary other = eu.stream().filter(s -> !s.site().customer().equals(first.site().customer()))
                .findFirst().orElseThrow();
        references = List.of(first, other);
        // the three smallest EU sites that are not references: few enough cameras for the 1-99 tier
        scope = eu.stream().filter(s -> !references.contains(s))
                .sorted(Comparator.comparingInt(s -> s.profile().cameras().size())).limit(3).toList();
        f.settings.set(new ReportSettings("Acme Vision", "#112233", "#445566", "logo.png", "Dana Seller",
                references.stream().map(SiteSummary::id).toList(), "prices.yaml", ""));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ReportOptions options(LocalDate to, List<String> regions, String prospect) {
        return new ReportOptions(ReportKind.SALES, to.minusDays(90), to, regions, prospect,
                scope.stream().map(SiteSummary::id).toList(), Optional.empty(), dir.resolve("proposal.pdf"));
    }

    @Test
    void theProposalHasItsCoverMapFactsAvailabilityReferencesScopeQuoteAndTerms() throws Exception {
        ReportSource.Built built = f.proposals.build(options(TODAY, List.of("eu"), "Globex Security"),
                ReportProgress.NONE);
        ReportDocument doc = built.document();

        var cover = doc.cover();
        assertThat(cover.title()).isEqualTo("Proposal");
        assertThat(cover.preparedFor()).isEqualTo("Globex Security");
        assertThat(cover.author()).isEqualTo("Dana Seller");
        assertThat(cover.date()).isEqualTo(TODAY);
        assertThat(cover.branding().company()).isEqualTo("Acme Vision");
        assertThat(cover.branding().primaryColor()).isEqualTo("#112233");
        assertThat(cover.branding().logoPng()).isEqualTo(Files.readAllBytes(dir.resolve("logo.png")));
        assertThat(doc.sections()).extracting(Section::title).containsExactly("Where we operate",
                "Availability achieved", "Reference sites", "Proposed scope", "Quote", "Terms");

        Section coverage = section(doc, "Where we operate");
        Block.Picture map = block(coverage, Block.Picture.class);
        assertThat(Arrays.copyOf(map.png(), 8)).isEqualTo(SalesLogo.PNG_SIGNATURE);
        assertThat(map.png().length).isGreaterThan(10_000);
        long unplaced = eu.stream().filter(s -> !s.site().isPlaced()).count();
        assertThat(unplaced).as("the demo has sites without coordinates").isPositive();
        assertThat(map.caption()).isEqualTo("Sites of the fleet, EU: " + (eu.size() - unplaced) + " of " + eu.size()
                + " drawn; " + (unplaced == 1 ? "1 site has" : unplaced + " sites have") + " no known position");
        long cameras = eu.stream().mapToLong(s -> s.profile().cameras().size()).sum();
        long countries = eu.stream().map(s -> s.site().countryCode()).distinct().count();
        assertThat(block(coverage, Block.Facts.class).facts()).extracting(x -> x.label() + " " + x.value())
                .contains("Sites " + String.format("%,d", eu.size()), "Camera systems " + String.format("%,d", cameras),
                        "Countries " + countries, "Regions EU");

        // The demo's history is 35 days: both periods are partial, and say so
        Table availability = block(section(doc, "Availability achieved"), Block.TableBlock.class).table();
        assertThat(availability.columns()).extracting(Column::header).containsExactly("Region", "Sites", "90 days",
                "Data", "12 months", "Data", "Best SLA tier met");
        assertThat(availability.columns()).extracting(Column::kind).containsExactly(Column.Kind.TEXT,
                Column.Kind.INTEGER, Column.Kind.PERCENT, Column.Kind.TEXT, Column.Kind.PERCENT, Column.Kind.TEXT,
                Column.Kind.TEXT);
        List<List<Object>> regions = rows(availability);
        assertThat(regions).extracting(r -> r.get(0)).containsExactly("EU", "All regions shown");
        List<Object> euRow = regions.getFirst();
        assertThat(euRow.get(1)).isEqualTo((long) eu.size());
        assertThat((Double) euRow.get(2)).isBetween(99.0, 100.0);
        assertThat((Double) euRow.get(4)).isBetween(99.0, 100.0);
        assertThat((String) euRow.get(6)).isIn("PLATINUM", "GOLD", "SILVER", "BRONZE", "below every tier");
        // Both periods end now, Dec 6 06:00 (the rest of the day is still to come); the history begins 35 days
        // before. 90 days from Sep 8 00:00: 89.25 days, 35 with data = 39.2 %. 12 months from 2025-12-07 00:00:
        // 364.25 days, 35 with data = 9.6 %. The demo's history has no gaps.
        assertThat(euRow.get(3)).isEqualTo("partial: 39.2 %");
        assertThat(euRow.get(5)).isEqualTo("partial: 9.6 %");

        Table refs = block(section(doc, "Reference sites"), Block.TableBlock.class).table();
        assertThat(rows(refs)).extracting(r -> r.get(5)).containsOnly("partial: 9.6 %");
        assertThat(rows(refs)).extracting(r -> r.get(0), r -> r.get(2)).containsExactly(
                org.assertj.core.groups.Tuple.tuple(references.get(0).site().name(),
                        references.get(0).site().customer()),
                org.assertj.core.groups.Tuple.tuple(references.get(1).site().name(),
                        references.get(1).site().customer()));

        long scopeCameras = scope.stream().mapToLong(s -> s.profile().cameras().size()).sum();
        Table scopeTable = block(section(doc, "Proposed scope"), Block.TableBlock.class).table();
        assertThat(rows(scopeTable)).extracting(r -> r.get(0)).containsExactlyElementsOf(
                scope.stream().map(SiteSummary::id).toList());
        assertThat(scopeTable.summary()).isEqualTo("3 sites, " + scopeCameras + " cameras");

        // c cameras (< 100) at 3 sites: licence 12.00 x c x 36 = 432c; install 450.00 x 3 = 1,350.00;
        // support 80.00 x 3 x 36 = 8,640.00; no discounts. Total 432c + 9,990.00.
        assertThat(scopeCameras).isBetween(1L, 99L);
        BigDecimal total = new BigDecimal(432 * scopeCameras + 9990).setScale(2);
        Table quote = block(section(doc, "Quote"), Block.TableBlock.class).table();
        assertThat(quote.name()).isEqualTo("quote");
        assertThat(built.sheets()).containsExactly(quote);
        List<List<Object>> lines = rows(quote);
        assertThat(lines).extracting(r -> r.get(0)).containsExactly("Camera licence", "Site installation",
                "Support, 24/7", "Total");
        assertThat(lines.getFirst()).containsExactly("Camera licence", scopeCameras, 36L, new BigDecimal("12.00"),
                new BigDecimal(432 * scopeCameras).setScale(2), 0.0, new BigDecimal("0.00"),
                new BigDecimal(432 * scopeCameras).setScale(2));
        assertThat(lines.getLast().get(7)).isEqualTo(total);
        assertThat(quote.columns().stream().filter(c -> c.kind() == Column.Kind.MONEY).count()).isEqualTo(4);
        assertThat(block(section(doc, "Quote"), Block.Facts.class).facts().getLast().value())
                .isEqualTo(String.format(java.util.Locale.ROOT, "EUR %,.2f", total));

        assertThat(block(section(doc, "Terms"), Block.Paragraph.class).text()).contains("36 months");
    }

    @Test
    void noOtherCustomerIsNamedAnywhere() {
        ReportDocument doc = f.proposals.build(options(TODAY, List.of(), "Globex Security"), ReportProgress.NONE)
                .document();

        Set<String> named = references.stream().map(s -> s.site().customer()).collect(Collectors.toSet());
        Set<String> others = f.fleet.sites().stream().map(s -> s.site().customer())
                .filter(c -> !named.contains(c)).collect(Collectors.toSet());
        assertThat(others).hasSizeGreaterThan(10);
        String all = String.join("\n", SalesFixture.texts(doc));
        assertThat(all).contains(named);
        for (String customer : others) {
            assertThat(all).as("another customer's name").doesNotContain(customer);
        }
    }

    @Test
    void missingHistoryIsNoDataNeverUp() {
        // May 2026 is before the 35 days of history: neither period has any data
        ReportDocument doc = f.proposals.build(options(LocalDate.of(2026, 5, 1), List.of("EU"), "Globex"),
                ReportProgress.NONE).document();

        List<Object> euRow = rows(block(section(doc, "Availability achieved"), Block.TableBlock.class).table())
                .getFirst();
        assertThat(euRow).containsExactly("EU", (long) eu.size(), null, "no data", null, "no data", "no data");
        List<Object> ref = rows(block(section(doc, "Reference sites"), Block.TableBlock.class).table()).getFirst();
        assertThat(ref.get(4)).isNull();
        assertThat(ref.get(5)).isEqualTo("no data");
    }

    @Test
    void theAuthorIsTheOperatorWhenTheSettingsNameNone() {
        ReportSettings s = f.settings.get();
        f.settings.set(new ReportSettings(s.company(), "", "", "", "", List.of(), s.priceList(), "Pay within 30 days."));

        ReportDocument doc = f.proposals.build(options(TODAY, List.of(), "Globex"), ReportProgress.NONE).document();

        assertThat(doc.cover().author()).isEqualTo("operator-os-user");
        assertThat(doc.cover().branding().hasLogo()).isFalse();
        assertThat(block(section(doc, "Reference sites"), Block.Paragraph.class).text())
                .isEqualTo("References are available on request.");
        assertThat(block(section(doc, "Terms"), Block.Paragraph.class).text()).isEqualTo("Pay within 30 days.");
    }

    @Test
    void badOptionsAreSaidBeforeAnyWork() throws Exception {
        assertProblem(options(TODAY, List.of(), "  "), "report.sales.noProspect");
        assertProblem(options(TODAY, List.of("EU", "ATLANTIS"), "Globex"), "report.sales.unknownRegion", "ATLANTIS");
        assertProblem(new ReportOptions(ReportKind.SALES, TODAY, TODAY, List.of(), "Globex", List.of("XX-404"),
                Optional.empty(), dir.resolve("p.pdf")), "report.sales.unknownScopeSite", "XX-404");
        assertProblem(new ReportOptions(ReportKind.SALES, TODAY, TODAY, List.of(), "Globex", List.of(),
                Optional.empty(), dir.resolve("p.pdf")), "report.sales.noScope");
        assertProblem(options(TODAY.plusDays(200), List.of(), "Globex"), "report.sales.toInFuture");

        ReportSettings good = f.settings.get();
        f.settings.set(new ReportSettings("Acme", "", "", "logo.png", "", List.of("XX-404"), "prices.yaml", ""));
        assertProblem(options(TODAY, List.of(), "Globex"), "report.sales.unknownReferenceSite", "XX-404");

        f.settings.set(new ReportSettings("Acme", "", "", "logo.png", "", List.of(), "", ""));
        assertProblem(options(TODAY, List.of(), "Globex"), "report.sales.noPriceList");

        Files.writeString(dir.resolve("logo.jpg"), "GIF89a not a png");
        f.settings.set(new ReportSettings("Acme", "", "", "logo.jpg", "", List.of(), "prices.yaml", ""));
        assertProblem(options(TODAY, List.of(), "Globex"), "report.sales.logo.notPng",
                dir.resolve("logo.jpg").toString());
        f.settings.set(new ReportSettings("Acme", "", "", "gone.png", "", List.of(), "prices.yaml", ""));
        assertProblem(options(TODAY, List.of(), "Globex"), "report.sales.logo.missing",
                dir.resolve("gone.png").toString());

        // the price list of the options wins over the settings', and a bad one is named with its line
        f.settings.set(good);
        Files.writeString(dir.resolve("bad.yaml"), PriceListFileTest.GOOD.replace("price: 9.00", "price: -9"));
        ReportOptions o = options(TODAY, List.of(), "Globex");
        Problem p = assertProblem(new ReportOptions(o.kind(), o.from(), o.to(), o.regions(), o.prospect(),
                o.scopeSites(), Optional.of(dir.resolve("bad.yaml")), o.out()), "report.sales.priceList.negative",
                dir.resolve("bad.yaml").toString());
        assertThat(p.args()[1]).isEqualTo(12);
    }

    @Test
    void aCancelStopsTheProposalBetweenSections() {
        List<String> steps = new ArrayList<>();
        ReportProgress cancelAfterMap = new ReportProgress() {
            @Override
            public void progress(String step, double fraction) {
                steps.add(step);
            }

            @Override
            public boolean cancelled() {
                return steps.size() >= 2;
            }
        };

        assertThatThrownBy(() -> f.proposals.build(options(TODAY, List.of(), "Globex"), cancelAfterMap))
                .isInstanceOf(CancellationException.class);
        assertThat(steps).containsExactly("Checking the options, the price list and the logo",
                "Drawing the coverage map");
    }

    /** Expects {@code key}, said while the options are checked: before the map or any figure is computed. */
    private Problem assertProblem(ReportOptions options, String key, Object... firstArgs) {
        List<String> steps = new ArrayList<>();
        ReportProgress recording = new ReportProgress() {
            @Override
            public void progress(String step, double fraction) {
                steps.add(step);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        Problem p = catchThrowableOfType(Problem.class, () -> f.proposals.build(options, recording));
        assertThat(p).as(key).isNotNull();
        assertThat(steps).as(key).containsExactly("Checking the options, the price list and the logo");
        assertThat(p.key()).isEqualTo(key);
        assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
        for (int i = 0; i < firstArgs.length; i++) {
            assertThat(p.args()[i]).isEqualTo(firstArgs[i]);
        }
        return p;
    }
}
