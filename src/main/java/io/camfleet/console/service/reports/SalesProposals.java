package io.camfleet.console.service.reports;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SlaTargets;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.Fact;
import io.camfleet.console.domain.reports.PriceList;
import io.camfleet.console.domain.reports.Quote;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.map.MapSnapshotService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The sales proposal: who it is for, where the fleet runs (a map and its facts), the availability it achieved, the
 * reference sites, the proposed scope, the quote from the price list, and the terms. Other customers are never named,
 * but for the reference sites the settings list; everything the options get wrong is said before any work is done.
 */
public final class SalesProposals implements ReportSource {

    /**
     * What a proposal is made from.
     *
     * @param fleet         the fleet as it is now
     * @param historyBegins when the health history begins (empty when nothing was ever observed)
     * @param targets  the SLA tiers' targets in force
     * @param settings the reports settings, read at each proposal
     * @param folder   the data folder: relative logo and price-list paths are read from it
     * @param operator who is exporting, the author when the settings name none
     */
    public record Inputs(Supplier<FleetSnapshot> fleet, AvailabilityFigures availability,
                         Supplier<Optional<Instant>> historyBegins, Supplier<SlaTargets> targets,
                         MapSnapshotService maps, Supplier<ReportSettings> settings, Path folder,
                         Supplier<String> operator, Clock clock) {
    }

    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Inputs in;
    private final Messages m;

    public SalesProposals(Inputs inputs, Messages messages) {
        this.in = inputs;
        this.m = messages;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.SALES;
    }

    @Override
    public Built build(ReportOptions options, ReportProgress progress) {
        progress.progress(m.text("report.sales.step.checking"), 0.0);
        if (options.prospect().isBlank()) {
            throw Problem.badInput("report.sales.noProspect");
        }
        Instant end = endOf(options);
        if (!end.isAfter(options.to().plusDays(1).minusDays(90).atStartOfDay().toInstant(ZoneOffset.UTC))) {
            throw Problem.badInput("report.sales.toInFuture", options.to());
        }
        Period year = new Period(options.to().plusDays(1).minusYears(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                end);
        Period quarter = new Period(options.to().plusDays(1).minusDays(90).atStartOfDay().toInstant(ZoneOffset.UTC),
                end);
        ReportSettings settings = in.settings().get();
        FleetSnapshot fleet = in.fleet().get();
        List<String> regions = SalesScope.regions(fleet, options.regions());
        List<SiteSummary> scope = SalesScope.sites(fleet, options.scopeSites(), "report.sales.unknownScopeSite");
        if (scope.isEmpty()) {
            throw Problem.badInput("report.sales.noScope");
        }
        List<SiteSummary> references = SalesScope.sites(fleet, settings.referenceSites(),
                "report.sales.unknownReferenceSite");
        PriceList prices = PriceListFile.read(priceListOf(options, settings));
        Branding branding = new Branding(settings.company(), settings.primaryColor(), settings.accentColor(),
                SalesLogo.read(settings.logoFile(), in.folder()));
        progress.checkCancelled();

        List<Section> sections = new ArrayList<>();
        progress.progress(m.text("report.sales.step.map"), 0.1);
        sections.add(coverage(fleet, regions));
        progress.checkCancelled();
        progress.progress(m.text("report.sales.step.availability"), 0.3);
        sections.add(availability(fleet, regions, quarter, year));
        progress.checkCancelled();
        progress.progress(m.text("report.sales.step.references"), 0.7);
        sections.add(references(references, year));
        progress.checkCancelled();
        progress.progress(m.text("report.sales.step.quote"), 0.85);
        long cameras = scope.stream().mapToLong(s -> s.profile().cameras().size()).sum();
        sections.add(scope(scope, cameras));
        Quote quote = Quote.of(prices, cameras, scope.size());
        Table quoteTable = SalesQuoteTable.of(quote, m);
        sections.add(new Section(m.text("report.sales.quote.title"), List.of(
                new Block.Paragraph(m.text("report.sales.quote.intro", quote.currency().getCurrencyCode(),
                        quote.termMonths())),
                new Block.TableBlock(quoteTable),
                new Block.Facts(List.of(
                        new Fact(m.text("report.sales.quote.subtotal"), SalesQuoteTable.money(quote, quote.subtotal())),
                        new Fact(m.text("report.sales.quote.discounts"),
                                SalesQuoteTable.money(quote, quote.discounts())),
                        new Fact(m.text("report.sales.quote.total"), SalesQuoteTable.money(quote, quote.total())))))));
        sections.add(new Section(m.text("report.sales.terms.title"), List.of(new Block.Paragraph(
                settings.terms().isBlank() ? m.text("report.sales.terms.default", quote.termMonths())
                        : settings.terms()))));
        progress.checkCancelled();

        String author = settings.author().isBlank() ? in.operator().get() : settings.author();
        Cover cover = new Cover(m.text("report.sales.title"), m.text("report.sales.subtitle", branding.company()),
                options.prospect(), author, options.to(), branding, List.of(
                new Fact(m.text("report.sales.cover.regions"), regionsText(regions)),
                new Fact(m.text("report.sales.cover.scope"), m.text("report.sales.scope.count", scope.size(),
                        cameras)),
                new Fact(m.text("report.sales.cover.total"), SalesQuoteTable.money(quote, quote.total()))));
        ReportDocument document = new ReportDocument(cover, sections, ZoneOffset.UTC,
                m.text("report.sales.footer", options.prospect()));
        progress.progress(m.text("report.sales.step.done"), 1.0);
        return new Built(document, List.of(quoteTable));
    }

    private Path priceListOf(ReportOptions options, ReportSettings settings) {
        Optional<Path> chosen = options.priceList().or(() -> settings.priceList().isBlank() ? Optional.empty()
                : Optional.of(Path.of(settings.priceList())));
        return in.folder().resolve(chosen.orElseThrow(() -> Problem.badInput("report.sales.noPriceList")));
    }

    /** The end of the last day asked for, or now when that is still to come: the future is not "no data". */
    private Instant endOf(ReportOptions options) {
        Instant end = options.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant now = in.clock().instant();
        return end.isAfter(now) ? now : end;
    }

    private String regionsText(List<String> regions) {
        return regions.isEmpty() ? m.text("report.sales.regions.all") : String.join(", ", regions);
    }

    private Section coverage(FleetSnapshot fleet, List<String> regions) {
        List<SiteSummary> sites = fleet.sites().stream()
                .filter(s -> regions.isEmpty() || regions.contains(s.site().region())).toList();
        long cameras = sites.stream().mapToLong(s -> s.profile().cameras().size()).sum();
        long countries = sites.stream().map(s -> s.site().countryCode()).filter(c -> !c.isEmpty()).distinct().count();
        long customers = sites.stream().map(s -> s.site().customer()).filter(c -> !c.isEmpty()).distinct().count();
        MapSnapshotService.Rendered map = SalesMap.render(in.maps(), fleet, regions);
        long unplaced = sites.stream().filter(s -> !s.site().isPlaced()).count();
        return new Section(m.text("report.sales.coverage.title"), List.of(
                new Block.Paragraph(m.text("report.sales.coverage.intro", regionsText(regions))),
                new Block.Picture(map.png(), m.text("report.sales.coverage.caption", regionsText(regions),
                        map.sites(), sites.size(), unplaced)),
                new Block.Facts(List.of(
                        new Fact(m.text("report.sales.facts.sites"), m.text("report.sales.number", sites.size())),
                        new Fact(m.text("report.sales.facts.cameras"), m.text("report.sales.number", cameras)),
                        new Fact(m.text("report.sales.facts.countries"), m.text("report.sales.number", countries)),
                        new Fact(m.text("report.sales.facts.customers"), m.text("report.sales.number", customers)),
                        new Fact(m.text("report.sales.facts.regions"), regionsText(regions))))));
    }

    private Section availability(FleetSnapshot fleet, List<String> chosen, Period quarter, Period year) {
        Map<String, String> regionOfSite = new LinkedHashMap<>();
        TreeSet<String> present = new TreeSet<>();
        for (SiteSummary s : fleet.sites()) {
            if (chosen.isEmpty() || chosen.contains(s.site().region())) {
                regionOfSite.put(s.id(), s.site().region());
                present.add(s.site().region());
            }
        }
        List<String> regions = chosen.isEmpty() ? List.copyOf(present) : chosen;
        String all = m.text("report.sales.availability.all");
        Optional<Instant> begins = in.historyBegins().get();
        var q = SalesAvailability.byRegion(in.availability().by(Grouping.SITE, quarter), regionOfSite, regions, all,
                quarter, begins);
        var y = SalesAvailability.byRegion(in.availability().by(Grouping.SITE, year), regionOfSite, regions, all,
                year, begins);
        SlaTargets targets = in.targets().get();
        List<List<Object>> rows = new ArrayList<>();
        for (String region : q.keySet()) {
            SalesAvailability.Figures fq = q.get(region);
            SalesAvailability.Figures fy = y.get(region);
            Double basis = fy.percent() != null ? fy.percent() : fq.percent();
            String tier = basis == null ? m.text("report.sales.availability.noData")
                    : SalesAvailability.bestTierMet(basis, targets).map(SlaTier::name)
                    .orElse(m.text("report.sales.availability.noTier"));
            rows.add(Arrays.asList(region, (long) fy.sites(), fq.percent(), coverage(fq), fy.percent(), coverage(fy),
                    tier));
        }
        Table table = new Table("availability", List.of(Column.text(m.text("report.sales.availability.region")),
                Column.integer(m.text("report.sales.availability.sites")),
                Column.percent(m.text("report.sales.availability.quarter")),
                Column.text(m.text("report.sales.availability.data")),
                Column.percent(m.text("report.sales.availability.year")),
                Column.text(m.text("report.sales.availability.data")),
                Column.text(m.text("report.sales.availability.tier"))), rows,
                m.text("report.sales.availability.summary", day(quarter.from()), day(year.from()),
                        UTC_MINUTE.format(year.to())));
        StringBuilder tiers = new StringBuilder();
        for (SlaTier t : SlaTier.values()) {
            tiers.append(tiers.isEmpty() ? "" : ", ").append(t.name()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f %%", targets.target(t)));
        }
        return new Section(m.text("report.sales.availability.title"), List.of(
                new Block.Paragraph(m.text("report.sales.availability.intro", tiers.toString())),
                new Block.TableBlock(table)));
    }

    private static String day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private String coverage(SalesAvailability.Figures f) {
        return switch (f.coverage()) {
            case COMPLETE -> m.text("report.sales.availability.complete");
            case NONE -> m.text("report.sales.availability.noData");
            case PARTIAL -> m.text("report.sales.availability.partial", f.dataFraction() * 100);
        };
    }

    private Section references(List<SiteSummary> references, Period year) {
        if (references.isEmpty()) {
            return new Section(m.text("report.sales.references.title"),
                    List.of(new Block.Paragraph(m.text("report.sales.references.none"))));
        }
        Map<String, Availability> figures = in.availability().sites(references.stream().map(SiteSummary::id)
                .toList(), year);
        Map<String, String> regionOfSite = new LinkedHashMap<>();
        references.forEach(s -> regionOfSite.put(s.id(), s.id())); // each site a "region" of its own
        var bySite = SalesAvailability.byRegion(figures.values(), regionOfSite, List.copyOf(regionOfSite.keySet()),
                "", year, in.historyBegins().get());
        List<List<Object>> rows = new ArrayList<>();
        for (SiteSummary s : references) {
            Site site = s.site();
            SalesAvailability.Figures f = bySite.get(site.id());
            rows.add(Arrays.asList(site.name(), s.profile().countryName(), site.customer(),
                    (long) s.profile().cameras().size(), f.percent(), coverage(f)));
        }
        Table table = new Table("references", List.of(Column.text(m.text("report.sales.references.site")),
                Column.text(m.text("report.sales.references.country")),
                Column.text(m.text("report.sales.references.customer")),
                Column.integer(m.text("report.sales.references.cameras")),
                Column.percent(m.text("report.sales.references.year")),
                Column.text(m.text("report.sales.availability.data"))), rows);
        return new Section(m.text("report.sales.references.title"), List.of(
                new Block.Paragraph(m.text("report.sales.references.intro")), new Block.TableBlock(table)));
    }

    private Section scope(List<SiteSummary> scope, long cameras) {
        List<List<Object>> rows = new ArrayList<>();
        for (SiteSummary s : scope) {
            rows.add(Arrays.asList(s.id(), s.site().name(), s.profile().countryName(), s.site().region(),
                    (long) s.profile().cameras().size()));
        }
        Table table = new Table("scope", List.of(Column.text(m.text("report.sales.scope.id")),
                Column.text(m.text("report.sales.scope.site")), Column.text(m.text("report.sales.scope.country")),
                Column.text(m.text("report.sales.scope.region")), Column.integer(m.text("report.sales.scope.cameras"))),
                rows, m.text("report.sales.scope.count", scope.size(), cameras));
        return new Section(m.text("report.sales.scope.title"), List.of(
                new Block.Paragraph(m.text("report.sales.scope.intro", scope.size(), cameras)),
                new Block.TableBlock(table)));
    }
}
