package io.camfleet.console.ui.common.sitedetail;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.SiteProfile;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.common.RelativeTimeCell;
import io.camfleet.console.ui.common.SiteStates;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The selected site: what and where it is, its local time, SLA and maintenance window, and its camera systems with
 * their latest metrics. Shown under the fleet table and beside the map, both following the same selection.
 */
public final class SiteDetailView {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm");

    private final SiteDetailViewModel vm;
    private final Messages m;
    private final TableView<CameraStatus> cameras = new TableView<>();
    private final VBox detailHeader = new VBox(4);
    private final SiteActions actions;
    /** The cameras the operator selected, by id; see {@link #keepSelectionAcrossSnapshots()}. */
    private final java.util.Set<String> chosen = new java.util.HashSet<>();
    private boolean restoring;
    private final Node root;

    public SiteDetailView(SiteDetailViewModel vm, Messages messages) {
        this(vm, messages, SiteActions.NONE);
    }

    /** @param actions the buttons the site offers beyond itself: a ticket, its timeline */
    public SiteDetailView(SiteDetailViewModel vm, Messages messages, SiteActions actions) {
        this.vm = vm;
        this.m = messages;
        this.actions = actions;
        this.root = build();
    }

    public Node root() {
        return root;
    }

    private Node build() {
        cameras.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "cameras");
        cameras.setId("fleet-cameras");
        cameras.setFixedCellSize(26);
        cameras.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        cameras.setPlaceholder(new Label(m.text("fleetTable.detail.hint")));
        // several cameras selected make one ticket about them
        cameras.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);

        TableColumn<CameraStatus, CameraStatus> health = cameraColumn("fleetTable.cam.health", 105,
                Comparator.comparing(CameraStatus::health));
        health.setCellFactory(c -> Cells.health(CameraStatus::health, st -> m.text(HealthStyle.key(st))));
        TableColumn<CameraStatus, CameraStatus> host = cameraColumn("fleetTable.cam.hostname", 175,
                Comparator.comparing(cs -> cs.camera().hostname()));
        host.setCellFactory(c -> Cells.text(cs -> cs.camera().hostname(), "mono"));
        TableColumn<CameraStatus, CameraStatus> cid = cameraColumn("fleetTable.cam.id", 120,
                Comparator.comparing(cs -> cs.camera().id()));
        cid.setCellFactory(c -> Cells.text(cs -> cs.camera().id(), "mono"));
        TableColumn<CameraStatus, CameraStatus> version = cameraColumn("fleetTable.cam.version", 80,
                Comparator.comparing(cs -> cs.camera().softwareVersion(), SiteProfile::compareVersions));
        version.setCellFactory(c -> Cells.noted(cs -> cs.camera().softwareVersion(), cs -> cs.reported() == null
                ? null : m.text("fleetTable.version.reported", cs.reported().version(), cs.reported().deploymentId()),
                "mono"));
        TableColumn<CameraStatus, CameraStatus> image = cameraColumn("fleetTable.cam.image", 175,
                Comparator.comparing(cs -> cs.camera().image()));
        image.setCellFactory(c -> Cells.text(cs -> cs.camera().image(), "mono"));
        TableColumn<CameraStatus, CameraStatus> heartbeat = cameraColumn("fleetTable.cam.lastHeartbeat", 105,
                Comparator.comparing(cs -> cs.telemetry().lastHeartbeat(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        heartbeat.setCellFactory(c -> new RelativeTimeCell<>(cs -> cs.telemetry().lastHeartbeat(), vm.nowProperty(), m));
        TableColumn<CameraStatus, CameraStatus> frames = cameraColumn("fleetTable.cam.frames", 95,
                Comparator.comparing(cs -> cs.telemetry().framesPerMinute(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        frames.setCellFactory(c -> Cells.text(cs -> metric(cs.telemetry().framesPerMinute(), "%.0f"), "numeric"));
        TableColumn<CameraStatus, CameraStatus> disk = cameraColumn("fleetTable.cam.disk", 75,
                Comparator.comparing(cs -> cs.telemetry().diskUsedPercent(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        disk.setCellFactory(c -> Cells.text(cs -> metric(cs.telemetry().diskUsedPercent(), "%.1f %%"), "numeric"));
        TableColumn<CameraStatus, CameraStatus> temp = cameraColumn("fleetTable.cam.temperature", 95,
                Comparator.comparing(cs -> cs.telemetry().temperatureC(),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        temp.setCellFactory(c -> Cells.text(cs -> metric(cs.telemetry().temperatureC(), "%.1f °C"), "numeric"));
        TableColumn<CameraStatus, CameraStatus> since = cameraColumn("fleetTable.cam.since", 105,
                Comparator.comparing(CameraStatus::healthSince, Comparator.nullsFirst(Comparator.naturalOrder())));
        since.setCellFactory(c -> new RelativeTimeCell<>(CameraStatus::healthSince, vm.nowProperty(), m));
        TableColumn<CameraStatus, CameraStatus> ssh = cameraColumn("fleetTable.cam.ssh", 110,
                Comparator.comparing(cs -> cs.camera().sshAddress()));
        ssh.setCellFactory(c -> Cells.text(cs -> cs.camera().sshAddress(), "mono"));
        cameras.getColumns().setAll(java.util.List.of(health, host, cid, version, image, heartbeat, frames, disk,
                temp, since, ssh));
        keepSelectionAcrossSnapshots();
        SortedList<CameraStatus> sorted = new SortedList<>(vm.cameras());
        sorted.comparatorProperty().bind(cameras.comparatorProperty());
        cameras.setItems(sorted);
        cameras.getColumns().add(lastConfigBackupColumn());

        detailHeader.getStyleClass().add("site-detail-header");
        vm.siteProperty().addListener((o, a, s) -> renderDetailHeader(s));
        renderDetailHeader(vm.siteProperty().get());

        VBox detail = new VBox(8, detailHeader, cameras);
        detail.getStyleClass().add("site-detail");
        detail.setPadding(new Insets(10, 0, 0, 0));
        VBox.setVgrow(cameras, Priority.ALWAYS);
        return detail;
    }

    /**
     * The cameras are replaced at each new snapshot of the fleet, which would drop the operator's selection every few
     * seconds: the selected cameras are kept by id and selected again, while the site stays the same.
     */
    private void keepSelectionAcrossSnapshots() {
        // registered before the table's own list listens, so that it runs before the table drops the selection
        vm.cameras().addListener((javafx.collections.ListChangeListener<CameraStatus>) c -> {
            if (!restoring) {
                restoring = true;
                javafx.application.Platform.runLater(this::restoreSelection);
            }
        });
        cameras.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<CameraStatus>) c -> {
                    if (!restoring) {
                        chosen.clear();
                        cameras.getSelectionModel().getSelectedItems().forEach(cs -> chosen.add(cs.camera().id()));
                    }
                });
        vm.siteProperty().addListener((o, was, now) -> {
            if (was == null || now == null || !was.site().id().equals(now.site().id())) {
                chosen.clear();
            }
        });
    }

    private void restoreSelection() {
        try {
            for (int i = 0; i < cameras.getItems().size(); i++) {
                if (chosen.contains(cameras.getItems().get(i).camera().id())) {
                    cameras.getSelectionModel().select(i);
                }
            }
        } finally {
            restoring = false;
        }
    }

    private TableColumn<CameraStatus, CameraStatus> cameraColumn(String key, double width,
                                                                 Comparator<CameraStatus> order) {
        TableColumn<CameraStatus, CameraStatus> col = new TableColumn<>(m.text(key));
        col.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        col.setComparator(order);
        col.setPrefWidth(width);
        col.setMinWidth(width * 0.85);
        return col;
    }

    private String metric(Double v, String format) {
        return v == null ? "–" : String.format(m.locale(), format, v);
    }

    private void renderDetailHeader(SiteSummary s) {
        detailHeader.getChildren().clear();
        detailHeader.setManaged(s != null);
        if (s == null) {
            return;
        }
        Site site = s.site();
        Label name = new Label(site.name(), HealthStyle.icon(s.health().state(), 18));
        name.setId("site-detail-name");
        name.getStyleClass().add(Styles.TITLE_4);
        HBox nameRow = new HBox(10, name, new Spacer());
        nameRow.setAlignment(Pos.CENTER_LEFT);
        if (actions.openTicket() != null) {
            Button ticket = new Button(m.text("site.openTicket"), new FontIcon(Material2MZ.SUPPORT_AGENT));
            ticket.setId("site-open-ticket");
            ticket.getStyleClass().add(Styles.SMALL);
            ticket.setTooltip(new Tooltip(m.text("site.openTicket.tip")));
            ticket.setOnAction(e -> actions.openTicket().accept(s,
                    List.copyOf(cameras.getSelectionModel().getSelectedItems())));
            nameRow.getChildren().add(ticket);
        }
        if (actions.siteTimeline() != null) {
            Button history = new Button(m.text("site.timeline"), new FontIcon(Material2MZ.TIMELINE));
            history.setId("site-timeline");
            history.getStyleClass().add(Styles.SMALL);
            history.setTooltip(new Tooltip(m.text("site.timeline.tip")));
            history.setOnAction(e -> actions.siteTimeline().accept(site.id()));
            nameRow.getChildren().add(history);
        }
        Label facts = new Label(String.join("   ·   ",
                site.id(),
                site.customer(),
                s.profile().countryName() + " (" + site.region() + ")",
                localTime(site.timeZone()),
                m.text("fleetTable.detail.sla", m.text("sla." + site.slaTier().name()), site.slaTier().targetPercent()),
                m.text("fleetTable.detail.window", site.maintenanceWindow().isEmpty() ? "–" : site.maintenanceWindow()),
                site.isPlaced()
                        ? String.format(m.locale(), "%.4f, %.4f", site.latitude(), site.longitude())
                        : m.text("fleetTable.detail.unplaced")));
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setWrapText(true);
        HBox counts = new HBox(14);
        counts.setAlignment(Pos.CENTER_LEFT);
        // The site's own state first, by the rule in force (said in its tooltip), then its cameras'.
        Label state = new Label(SiteStates.text(m, s.health()));
        state.setId("site-detail-state");
        state.getStyleClass().add(Styles.TEXT_BOLD);
        state.setTooltip(new Tooltip(m.text("site.rule.tip", SiteStates.rule(m, vm.rule()))));
        counts.getChildren().add(state);
        for (HealthState st : HealthState.all()) {
            int n = s.health().count(st);
            if (n > 0) {
                Label l = new Label(n + " " + m.text(HealthStyle.key(st)).toLowerCase(m.locale()),
                        HealthStyle.icon(st, 13));
                counts.getChildren().add(l);
            }
        }
        detailHeader.getChildren().addAll(nameRow, facts, counts);
        // Versions only a rollout has reported, said once for the site: the table marks each such camera.
        Map<List<String>, Integer> reported = new LinkedHashMap<>();
        for (CameraStatus cs : vm.cameras()) {
            if (cs.reported() != null) {
                reported.merge(List.of(cs.reported().version(), cs.reported().deploymentId()), 1, Integer::sum);
            }
        }
        reported.forEach((versionAndDeployment, n) -> {
            Label note = new Label(m.text("fleetTable.detail.reported", versionAndDeployment.get(0), n,
                    versionAndDeployment.get(1)), new FontIcon(Material2MZ.UPDATE));
            note.getGraphic().getStyleClass().add("noted-marker");
            note.getStyleClass().addAll(Styles.TEXT_MUTED, "site-detail-reported");
            note.setWrapText(true);
            detailHeader.getChildren().add(note);
        });
    }

    private String localTime(String zone) {
        try {
            ZoneId z = ZoneId.of(zone);
            return m.text("fleetTable.detail.localTime", LOCAL_TIME.withLocale(m.locale())
                    .format(vm.nowProperty().get().atZone(z)), zone);
        } catch (DateTimeException | IllegalArgumentException e) {
            return zone.isEmpty() ? "–" : zone;
        }
    }

    /** When each camera's configuration was last backed up ("never" for none), read again when backups change. */
    private TableColumn<CameraStatus, CameraStatus> lastConfigBackupColumn() {
        TableColumn<CameraStatus, CameraStatus> col = cameraColumn("backup.ui.column", 130,
                Comparator.comparing(cs -> vm.lastConfigBackup(cs.camera().id()),
                        Comparator.nullsFirst(Comparator.naturalOrder())));
        col.setCellFactory(c -> new RelativeTimeCell<>(cs -> vm.lastConfigBackup(cs.camera().id()),
                vm.nowProperty(), m));
        vm.lastConfigBackups().addListener((javafx.collections.MapChangeListener<String, java.time.Instant>) c ->
                cameras.refresh());
        return col;
    }
}
