package io.camfleet.console.ui.kpi;

import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.kpi.AlertFigures;
import io.camfleet.console.service.kpi.DoraFigures;
import io.camfleet.console.service.kpi.FleetComposition;
import io.camfleet.console.service.kpi.KpiPeriod;
import io.camfleet.console.service.kpi.KpiService;
import io.camfleet.console.service.kpi.KpiText;
import io.camfleet.console.service.kpi.SlaAttainment;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The KPI dashboard without its controls: the period, the figures as tiles, the data of each chart, and the
 * availability table of a chosen month. Everything is computed off the FX thread; a result older than the latest
 * request is dropped.
 */
public final class KpiViewModel {

    /** The charts of the dashboard, each exportable as PNG and CSV. */
    public enum Chart {
        DEPLOYMENTS, TREND_BY_REGION, TREND_BY_CUSTOMER, SLA_BY_CUSTOMER, SLA_BY_REGION, VERSIONS, IMAGES, IMAGE_AGES,
        ALERTS, AVAILABILITY_TABLE
    }

    /** One figure at the top of the dashboard. */
    public record Tile(String label, String value, String detail) {
    }

    private final KpiService kpis;
    private final FleetModel fleet;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final KpiText text;
    private final KpiCharts charts;
    private final ObjectProperty<KpiPeriod> period = new SimpleObjectProperty<>(KpiPeriod.LAST_30_DAYS);
    private final ObjectProperty<Grouping> tableGrouping = new SimpleObjectProperty<>(Grouping.CUSTOMER);
    private final ObjectProperty<Grouping> trendGrouping = new SimpleObjectProperty<>(Grouping.REGION);
    private final ObjectProperty<YearMonth> tableMonth;
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final Map<Chart, ReadOnlyObjectWrapper<ChartData>> data = new EnumMap<>(Chart.class);
    private final ReadOnlyBooleanWrapper incidentData = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper availabilityData = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper agesKnown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper ageNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rule = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private long generation;
    /** The latest computation of the tiles: a full refresh's or one after the alerts changed. */
    private long figuresGeneration;
    private Period shown;
    private long tableGeneration;

    /**
     * @param alertChanges subscribes to changes of the alerts (raised, acknowledged, resolved): the alert figures
     *                     follow them, as the navigation's badge does
     */
    public KpiViewModel(KpiService kpis, FleetModel fleet, BackgroundTasks tasks, Messages messages,
                        Consumer<Runnable> alertChanges) {
        this.kpis = kpis;
        this.fleet = fleet;
        this.tasks = tasks;
        this.m = messages;
        this.text = new KpiText(messages);
        this.charts = new KpiCharts(messages);
        this.tableMonth = new SimpleObjectProperty<>(YearMonth.from(now().atOffset(ZoneOffset.UTC)));
        for (Chart c : Chart.values()) {
            data.put(c, new ReadOnlyObjectWrapper<>(ChartData.NOT_YET));
        }
        period.addListener(o -> refresh());
        // The availability figures are of the fleet loaded: when the first fleet arrives after the screen asked,
        // every figure is computed again. Afterwards the composition follows the fleet (a rollout, a sync).
        fleet.snapshotProperty().addListener((o, was, now) -> {
            if (now == null || (was != null && was.inventory() == now.inventory())) {
                return;
            }
            boolean first = was == null || was.inventory().cameraCount() == 0;
            if (first && now.inventory().cameraCount() > 0 && shown != null) {
                refresh();
            } else {
                refreshComposition();
            }
        });
        tableGrouping.addListener(o -> refreshTable());
        trendGrouping.addListener(o -> {
            if (!data.get(trendChart()).get().computed()) {
                refreshTrend();
            }
        });
        tableMonth.addListener(o -> refreshTable());
        // A burst (an outage raising a hundred alerts) is one computation, a second after the last of it.
        alertChanges.accept(tasks.debounce(java.time.Duration.ofSeconds(1), this::refreshFigures));
    }

    private Instant now() {
        return kpis.clock().instant();
    }

    public ObjectProperty<KpiPeriod> periodProperty() {
        return period;
    }

    /** Whether the availability trend shows regions or customers (each computed when first shown). */
    public ObjectProperty<Grouping> trendGroupingProperty() {
        return trendGrouping;
    }

    public ObjectProperty<Grouping> tableGroupingProperty() {
        return tableGrouping;
    }

    public ObjectProperty<YearMonth> tableMonthProperty() {
        return tableMonth;
    }

    /** This month and the twelve before it, newest first: what the health history keeps by default. */
    public List<YearMonth> months() {
        YearMonth now = YearMonth.from(now().atOffset(ZoneOffset.UTC));
        List<YearMonth> out = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            out.add(now.minusMonths(i));
        }
        return out;
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ReadOnlyObjectProperty<ChartData> chart(Chart chart) {
        return data.get(chart).getReadOnlyProperty();
    }

    /** False when no incident history is registered: the alert charts say "no incident data". */
    public ReadOnlyBooleanProperty incidentDataProperty() {
        return incidentData.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availabilityDataProperty() {
        return availabilityData.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty agesKnownProperty() {
        return agesKnown.getReadOnlyProperty();
    }

    /** What the image ages leave unknown, in a sentence; empty when every camera's image age is known. */
    public ReadOnlyStringProperty ageNoteProperty() {
        return ageNote.getReadOnlyProperty();
    }

    /** The site-down rule the availability figures follow, in words. */
    public ReadOnlyStringProperty ruleProperty() {
        return rule.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the dashboard shows for one period, computed in one go off the FX thread. */
    private record Dashboard(Period period, List<Tile> tiles, Map<Chart, ChartData> charts, boolean incidents,
                             boolean availability, String rule) {
    }

    /** Computes every figure of the period again. */
    public void refresh() {
        ++generation;
        Period chosen = period.get().at(now());
        shown = chosen;
        status.set(m.text("kpi.status.computing"));
        computeFigures(chosen, false);
        data.get(Chart.TREND_BY_REGION).set(ChartData.NOT_YET);
        data.get(Chart.TREND_BY_CUSTOMER).set(ChartData.NOT_YET);
        refreshTrend();
        refreshComposition();
        refreshTable();
    }

    /**
     * The tiles and the deployment, alert and SLA charts again, to now, when the alerts changed; nothing before the
     * screen first asked. Quiet: the operator did not ask for it.
     */
    private void refreshFigures() {
        if (shown != null) {
            computeFigures(period.get().at(now()), true);
        }
    }

    private void computeFigures(Period chosen, boolean quiet) {
        long gen = generation;
        long figures = ++figuresGeneration;
        var job = tasks.job(m.text("kpi.task.compute"), p -> compute(chosen));
        (quiet ? job.quiet() : job)
                .onSuccess(d -> {
                    if (gen == generation && figures == figuresGeneration) {
                        show(d);
                    }
                })
                .onFailure(e -> status.set(m.text("kpi.status.failed", e.getMessage())))
                .start();
    }

    private Chart trendChart() {
        return trendGrouping.get() == Grouping.CUSTOMER ? Chart.TREND_BY_CUSTOMER : Chart.TREND_BY_REGION;
    }

    /**
     * The availability trend of the grouping shown, in a task of its own: a query per day of the period, the
     * slowest figure of the dashboard, so that the others do not wait for it.
     */
    private void refreshTrend() {
        long gen = generation;
        Period p = shown;
        Grouping g = trendGrouping.get();
        Chart chart = trendChart();
        tasks.job(m.text("kpi.task.trend"), work -> kpis.trend(p, g).map(charts::trend)
                        .orElse(new ChartData(chart.name().toLowerCase(), List.of(), List.of(), List.of())))
                .onSuccess(d -> {
                    if (gen == generation) {
                        data.get(chart).set(d);
                    }
                })
                .onFailure(e -> status.set(m.text("kpi.status.failed", e.getMessage())))
                .start();
    }

    private Dashboard compute(Period p) {
        DoraFigures dora = kpis.dora(p);
        Optional<AlertFigures> alerts = kpis.alerts(p);
        Optional<SlaAttainment> sla = kpis.attainment(p);
        Map<Chart, ChartData> out = new EnumMap<>(Chart.class);
        out.put(Chart.DEPLOYMENTS, charts.deployments(dora));
        alerts.ifPresent(a -> out.put(Chart.ALERTS, charts.alerts(a)));
        sla.ifPresent(s -> {
            out.put(Chart.SLA_BY_CUSTOMER, charts.attainment("sla-by-customer", m.text("kpi.col.customer"),
                    s.byCustomer()));
            out.put(Chart.SLA_BY_REGION, charts.attainment("sla-by-region", m.text("kpi.col.region"), s.byRegion()));
        });
        String ruleText = sla.map(s -> m.text(s.rule().messageKey(), s.rule().threshold())).orElse("");
        return new Dashboard(p, tiles(dora, alerts, sla), out, alerts.isPresent(), sla.isPresent(), ruleText);
    }

    private List<Tile> tiles(DoraFigures d, Optional<AlertFigures> alerts, Optional<SlaAttainment> sla) {
        List<Tile> out = new ArrayList<>();
        out.add(new Tile(m.text("kpi.tile.frequency"), m.text("kpi.tile.frequency.value", text.rate(d.perWeekRate())),
                m.text("kpi.tile.frequency.detail", d.deployments(), d.running())));
        out.add(new Tile(m.text("kpi.tile.leadTime"), text.duration(d.leadTime().median()),
                d.leadTime().isEmpty() ? m.text("kpi.spread.none")
                        : m.text("kpi.tile.leadTime.detail", text.duration(d.leadTime().p90()), d.leadTime().count())));
        DoraFigures.ChangeFailures c = d.changes();
        out.add(new Tile(m.text("kpi.tile.changeFailure"), text.percent(c.ratePercent()),
                m.text("kpi.tile.changeFailure.detail", c.failures(), c.finished())));
        out.add(alerts.map(a -> new Tile(m.text("kpi.tile.restore"), text.duration(a.timeToRestore().median()),
                        m.text("kpi.tile.restore.detail", a.incidents(), a.openIncidents())))
                .orElse(new Tile(m.text("kpi.tile.restore"), m.text("kpi.none"), m.text("kpi.noIncidentData"))));
        out.add(sla.map(s -> new Tile(m.text("kpi.tile.uptime"), text.uptime(s.fleetUptime()),
                        m.text("kpi.tile.uptime.detail", s.met(s.byCustomer()), s.byCustomer().size())))
                .orElse(new Tile(m.text("kpi.tile.uptime"), m.text("kpi.none"), m.text("kpi.noAvailabilityData"))));
        out.add(alerts.map(a -> new Tile(m.text("kpi.tile.alerts"), Integer.toString(a.raised()),
                        m.text("kpi.tile.alerts.detail", text.spread(a.timeToAcknowledge()))))
                .orElse(new Tile(m.text("kpi.tile.alerts"), m.text("kpi.none"), m.text("kpi.noIncidentData"))));
        return out;
    }

    private void show(Dashboard d) {
        tiles.setAll(d.tiles());
        d.charts().forEach((chart, chartData) -> data.get(chart).set(chartData));
        incidentData.set(d.incidents());
        availabilityData.set(d.availability());
        rule.set(d.rule());
        status.set(m.text("kpi.status.period", d.period().from().toString().substring(0, 10),
                d.period().to().minusSeconds(1).toString().substring(0, 10)));
    }

    private long compositionGeneration;

    /**
     * Cameras by version, image and image age, from the fleet as it is now; the ages from the images last read from
     * AWS, read here off the FX thread.
     */
    public void refreshComposition() {
        long gen = ++compositionGeneration;
        FleetSnapshot snapshot = fleet.snapshot();
        FleetInventory inventory = snapshot == null ? FleetInventory.EMPTY : snapshot.inventory();
        tasks.job(m.text("kpi.task.compute"), p -> kpis.composition(inventory)).quiet()
                .onSuccess(c -> {
                    if (gen == compositionGeneration) {
                        showComposition(c);
                    }
                })
                .onFailure(e -> status.set(m.text("kpi.status.failed", e.getMessage())))
                .start();
    }

    private void showComposition(FleetComposition c) {
        data.get(Chart.VERSIONS).set(charts.versions(c));
        data.get(Chart.IMAGES).set(charts.images(c));
        data.get(Chart.IMAGE_AGES).set(charts.ages(c));
        agesKnown.set(!c.agesUnknown());
        ageNote.set(c.agesUnknown() ? m.text("kpi.ageUnknown.note")
                : c.unknownAgeCameras() > 0 ? m.text("kpi.ageUnknown.some", c.unknownAgeCameras(), c.cameras())
                : "");
    }

    /** The availability table of the chosen month and grouping. */
    public void refreshTable() {
        long gen = ++tableGeneration;
        Grouping grouping = tableGrouping.get();
        YearMonth month = tableMonth.get();
        // This month runs to now, as in `camfleet availability`: the days still to come are not "no data".
        Instant now = now();
        Period period = month.equals(YearMonth.from(now.atOffset(ZoneOffset.UTC))) ? Period.monthSoFar(now)
                : Period.month(month);
        tasks.job(m.text("kpi.task.table"), p -> kpis.availability().map(f -> charts.table(
                        "availability-" + grouping.name().toLowerCase() + "-" + month,
                        m.text("kpi.grouping." + grouping.name()), f.by(grouping, period))))
                .onSuccess(t -> {
                    if (gen == tableGeneration) {
                        t.ifPresent(data.get(Chart.AVAILABILITY_TABLE)::set);
                    }
                })
                .onFailure(e -> status.set(m.text("kpi.status.failed", e.getMessage())))
                .start();
    }

    /**
     * Writes a chart's data to {@code file} off the FX thread, through a temporary file moved into place, so that
     * a failed export never leaves half a file.
     */
    public void exportCsv(Chart chart, Path file) {
        ChartData d = data.get(chart).get();
        tasks.job(m.text("kpi.task.exportCsv", file.getFileName()), p -> {
                    write(file, d.csv().getBytes(StandardCharsets.UTF_8));
                    return file;
                })
                .onSuccess(f -> status.set(m.text("kpi.status.exported", f)))
                .onFailure(e -> status.set(m.text("kpi.status.exportFailed", file, e.getMessage())))
                .start();
    }

    /** Writes bytes made off the FX thread (a PNG) the same way. */
    public void export(Path file, java.util.function.Supplier<byte[]> bytes) {
        tasks.job(m.text("kpi.task.exportPng", file.getFileName()), p -> {
                    write(file, bytes.get());
                    return file;
                })
                .onSuccess(f -> status.set(m.text("kpi.status.exported", f)))
                .onFailure(e -> status.set(m.text("kpi.status.exportFailed", file, e.getMessage())))
                .start();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, ".export-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
