package io.camfleet.console.ui.deploy;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.map.BasemapSource;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.Detail;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.TargetRow;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Deployments: the list, and the selected one live — its state, wave bars, every target with its last lines of
 * output and its full log, the targets on a map — with the operator's actions, and the wizard for a new one.
 */
public final class DeploymentsView implements ScreenView {

    private final DeploymentsViewModel vm;
    private final Messages m;
    private final DateTimeFormatter time;
    private final VBox root = new VBox(10);
    private final TableView<DeploymentRecord> list = new TableView<>();
    private final TableView<TargetRow> targets = new TableView<>();
    private final Label title = new Label();
    private final Label chip = new Label();
    private final Label summary = new Label();
    private final WaveBars waves;
    private final TargetMap map;
    private final TextArea log = new TextArea();
    private final Label logTitle = new Label();
    private final Button checkKey;
    private final StackPane detailPane = new StackPane();
    private final VBox detail = new VBox(10);
    private final Label empty = new Label();
    private final Button approve;
    private final Button pause;
    private final Button resume;
    private final Button abort;
    private final Button resumeInterrupted;
    private final Button retry;
    private final Button rollback;
    private String logOf;

    public DeploymentsView(DeploymentsViewModel vm, BasemapSource basemaps, java.util.concurrent.Executor workers,
                           ObservableBooleanValue dark, ZoneId zone) {
        this.vm = vm;
        this.m = vm.messages();
        this.time = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", m.locale()).withZone(zone);
        this.waves = new WaveBars(m);
        this.map = new TargetMap(basemaps, workers, dark);
        map.labels(g -> m.text(g.key()));
        root.setPadding(new Insets(16, 20, 12, 20));
        root.getStyleClass().add("deployments");
        root.setId("deployments");
        root.getStylesheets().add(DeploymentsView.class.getResource("deployments.css").toExternalForm());

        Label heading = new Label(m.text("screen.DEPLOYMENTS"));
        heading.getStyleClass().add(Styles.TITLE_3);
        Label notice = new Label();
        notice.setId("deploy-notice");
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        notice.textProperty().bind(vm.noticeProperty());
        notice.setMaxWidth(720);
        Button refresh = new Button(m.text("deploy.refresh"), new FontIcon(Material2MZ.REFRESH));
        refresh.setOnAction(e -> vm.refresh());
        Button create = new Button(m.text("deploy.new"), new FontIcon(Material2AL.ADD));
        create.getStyleClass().add(Styles.ACCENT);
        create.setId("deploy-new");
        create.setOnAction(e -> NewDeploymentWizard.open(root.getScene().getWindow(), vm.newDeployment())
                .ifPresent(vm::launch));
        HBox header = new HBox(12, heading, notice, new Spacer(), refresh, create);
        header.setAlignment(Pos.CENTER_LEFT);

        buildList();
        approve = action("deploy.action.approve", Material2AL.DONE_ALL, vm::approve, "deploy-approve",
                vm.canApproveProperty());
        approve.getStyleClass().add(Styles.SUCCESS);
        pause = action("deploy.action.pause", Material2MZ.PAUSE, vm::pause, "deploy-pause", vm.canPauseProperty());
        resume = action("deploy.action.resume", Material2MZ.PLAY_ARROW, vm::resume, "deploy-resume",
                vm.canResumeProperty());
        abort = action("deploy.action.abort", Material2MZ.STOP, this::confirmAbort, "deploy-abort",
                vm.canAbortProperty());
        abort.getStyleClass().add(Styles.DANGER);
        resumeInterrupted = action("deploy.action.resumeInterrupted", Material2MZ.PLAY_CIRCLE_OUTLINE,
                vm::resumeInterrupted, "deploy-resume-interrupted", vm.canResumeInterruptedProperty());
        retry = action("deploy.action.retry", Material2MZ.REPLAY, vm::retryFailed, "deploy-retry",
                vm.canRetryProperty());
        rollback = action("deploy.action.rollback", Material2MZ.SETTINGS_BACKUP_RESTORE, this::confirmRollback,
                "deploy-rollback", vm.canRollBackProperty());
        checkKey = new Button(m.text("deploy.action.checkHostKey"), new FontIcon(Material2MZ.VPN_KEY));
        checkKey.setId("deploy-check-key");
        checkKey.setDisable(true);
        checkKey.setOnAction(e -> {
            TargetRow t = targets.getSelectionModel().getSelectedItem();
            if (t != null) {
                vm.checkHostKey(t, this::askToTrust);
            }
        });
        buildDetail();

        empty.setText(m.text("deploy.empty"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        detailPane.getChildren().addAll(empty, detail);
        detail.setVisible(false);

        SplitPane split = new SplitPane(list, detailPane);
        split.setDividerPositions(0.31);
        SplitPane.setResizableWithParent(list, false);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(header, split);

        vm.detailProperty().addListener((o, was, now) -> show(now));
        vm.refresh();
    }

    @Override
    public Node root() {
        return root;
    }

    /** An action's button, shown while its flag says the action applies to the selected deployment. */
    private Button action(String key, org.kordamp.ikonli.Ikon icon, Runnable run, String id,
                          ObservableBooleanValue applies) {
        Button b = new Button(m.text(key), new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> run.run());
        b.managedProperty().bind(b.visibleProperty());
        b.visibleProperty().bind(applies);
        return b;
    }

    private void buildList() {
        list.setId("deployments-table");
        list.setItems(vm.deployments());
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        list.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        list.setPlaceholder(new Label(m.text("deploy.list.none")));
        TableColumn<DeploymentRecord, DeploymentRecord> state = column("deploy.col.state", d -> d);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(DeploymentRecord d, boolean emptyCell) {
                super.updateItem(d, emptyCell);
                if (emptyCell || d == null) {
                    setGraphic(null);
                    return;
                }
                Label l = new Label(m.text(TargetStyle.stateKey(d.state(), vm.isInterrupted(d))));
                l.getStyleClass().addAll("state-chip", TargetStyle.stateClass(d.state(), vm.isInterrupted(d)));
                setGraphic(l);
            }
        });
        state.setPrefWidth(120);
        TableColumn<DeploymentRecord, String> release = column("deploy.col.release",
                d -> d.releaseName() + " " + d.releaseVersion());
        release.setPrefWidth(150);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM HH:mm", m.locale()).withZone(time.getZone());
        TableColumn<DeploymentRecord, String> started = column("deploy.col.started", d -> day.format(d.createdAt()));
        started.setPrefWidth(100);
        list.getColumns().setAll(List.of(state, release, started));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !Objects.equals(now.id(), vm.selectedIdProperty().get())) {
                vm.selectedIdProperty().set(now.id());
            }
        });
        vm.deployments().addListener((javafx.collections.ListChangeListener<DeploymentRecord>) c -> selectInList());
        vm.selectedIdProperty().addListener((o, was, now) -> selectInList());
    }

    private void selectInList() {
        String id = vm.selectedIdProperty().get();
        for (DeploymentRecord d : list.getItems()) {
            if (d.id().equals(id) && list.getSelectionModel().getSelectedItem() != d) {
                list.getSelectionModel().select(d);
            }
        }
    }

    private <S, T> TableColumn<S, T> column(String key, Function<S, T> value) {
        TableColumn<S, T> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    private void buildDetail() {
        title.getStyleClass().add("detail-title");
        title.setId("deploy-title");
        chip.getStyleClass().add("state-chip");
        chip.setId("deploy-state");
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        HBox actions = new HBox(6, approve, pause, resume, abort, resumeInterrupted, retry, rollback);
        actions.setAlignment(Pos.CENTER_RIGHT);
        HBox top = new HBox(10, title, chip, new Spacer(), actions);
        top.setAlignment(Pos.CENTER_LEFT);

        targets.setId("deploy-targets");
        targets.getStyleClass().addAll(Styles.DENSE);
        targets.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<TargetRow, String> camera = column("deploy.col.camera", TargetRow::cameraId);
        camera.setPrefWidth(120);
        // Ids from AWS begin with their environment and site (prod-eu/eu-site-025-cam-3): the end tells them apart.
        camera.setCellFactory(c -> new TableCell<>() {
            {
                setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
            }

            @Override
            protected void updateItem(String id, boolean emptyCell) {
                super.updateItem(id, emptyCell);
                setText(emptyCell ? null : id);
            }
        });
        TableColumn<TargetRow, String> site = column("deploy.col.site", TargetRow::siteName);
        site.setPrefWidth(125);
        TableColumn<TargetRow, String> wave = column("deploy.col.wave",
                t -> TargetStyle.waveName(m, t.record().wave(), hasCanary()));
        wave.setPrefWidth(84);
        TableColumn<TargetRow, TargetRow> state = column("deploy.col.state", t -> t);
        state.setCellFactory(c -> new TableCell<>() {
            private final Region swatch = new Region();

            {
                swatch.getStyleClass().add("legend-swatch");
            }

            @Override
            protected void updateItem(TargetRow t, boolean emptyCell) {
                super.updateItem(t, emptyCell);
                if (emptyCell || t == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                swatch.getStyleClass().removeIf(s -> s.startsWith("target-"));
                swatch.getStyleClass().add(TargetStyle.group(t.state()).styleClass());
                setGraphic(swatch);
                setText(m.text("deploy.target." + t.state().name()));
            }
        });
        state.setPrefWidth(160);
        TableColumn<TargetRow, Integer> attempt = column("deploy.col.attempt", t -> t.record().attempt() + 1);
        attempt.setPrefWidth(46);
        TableColumn<TargetRow, String> output = column("deploy.col.output", t -> {
            String last = String.join("\n", t.lastLines());
            String detailText = t.record().detail();
            return detailText.isBlank() ? last : last.isBlank() ? detailText : detailText + "\n" + last;
        });
        output.setCellFactory(c -> new TableCell<>() {
            {
                getStyleClass().add("target-lines");
            }

            @Override
            protected void updateItem(String text, boolean emptyCell) {
                super.updateItem(text, emptyCell);
                setText(emptyCell ? null : text);
            }
        });
        targets.getColumns().setAll(List.of(camera, site, wave, state, attempt, output));
        // The output takes what the other columns leave: it is what an operator reads while a rollout runs.
        output.prefWidthProperty().bind(targets.widthProperty().subtract(camera.widthProperty())
                .subtract(site.widthProperty()).subtract(wave.widthProperty()).subtract(state.widthProperty())
                .subtract(attempt.widthProperty()).subtract(18));
        targets.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showLog(now));

        logTitle.getStyleClass().add(Styles.TEXT_BOLD);
        logTitle.setText(m.text("deploy.log.pick"));
        log.setEditable(false);
        log.setWrapText(false);
        log.getStyleClass().add("target-log");
        log.setId("deploy-log");
        HBox logBar = new HBox(10, logTitle, new Spacer(), checkKey);
        logBar.setAlignment(Pos.CENTER_LEFT);
        VBox logBox = new VBox(6, logBar, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        logBox.setPadding(new Insets(6, 0, 0, 0));
        SplitPane targetSplit = new SplitPane(targets, logBox);
        targetSplit.setOrientation(Orientation.VERTICAL);
        targetSplit.setDividerPositions(0.66);

        Tab targetsTab = new Tab(m.text("deploy.tab.targets"), targetSplit);
        Tab mapTab = new Tab(m.text("deploy.tab.map"), map.root());
        mapTab.setId("deploy-map-tab");
        TabPane tabs = new TabPane(targetsTab, mapTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("deploy-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        detail.getChildren().addAll(top, summary, waves.root(), tabs);
        detail.setPadding(new Insets(0, 0, 0, 12));
    }

    private void show(Detail d) {
        detail.setVisible(d != null);
        empty.setVisible(d == null);
        if (d == null) {
            return;
        }
        DeploymentRecord r = d.deployment();
        boolean interrupted = vm.isInterrupted(r);
        title.setText(r.releaseName() + " " + r.releaseVersion());
        chip.setText(m.text(TargetStyle.stateKey(r.state(), interrupted)));
        chip.getStyleClass().removeIf(s -> s.startsWith("deployment-"));
        chip.getStyleClass().add(TargetStyle.stateClass(r.state(), interrupted));
        Strategy plan = vm.plan().orElse(null);
        summary.setText(m.text("deploy.summary", r.id(), r.executor().name(), d.targets().size(), r.createdBy(),
                time.format(r.createdAt()), plan == null ? "" : planText(plan)));
        waves.show(d.targets(), d.waves(), plan != null && !plan.canary().isNone(), interrupted);
        map.show(d.sites());

        TargetRow keep = targets.getSelectionModel().getSelectedItem();
        targets.getItems().setAll(d.targets());
        if (keep != null) {
            for (TargetRow t : targets.getItems()) {
                if (t.cameraId().equals(keep.cameraId())) {
                    targets.getSelectionModel().select(t);
                    break;
                }
            }
        }
        checkKey.setDisable(r.executor() != ExecutorKind.SSH
                || targets.getSelectionModel().getSelectedItem() == null);
        // The selected target's log follows the rollout as it writes, as its row does.
        TargetRow selected = targets.getSelectionModel().getSelectedItem();
        if (selected != null) {
            showLog(selected);
        }
    }

    private boolean hasCanary() {
        return vm.plan().map(p -> !p.canary().isNone()).orElse(false);
    }

    private String planText(Strategy s) {
        return m.text("deploy.plan.text", s.canary().isNone() ? m.text("deploy.plan.noCanary") : s.canary(),
                s.waves() instanceof WaveSizing.EachOf each
                        ? each.size().toString() : m.text("deploy.plan.lists"),
                s.maxConcurrency(), s.failureThreshold())
                + (s.ignoreMaintenanceWindows() ? " · " + m.text("deploy.plan.windowsIgnored") : "")
                + (!s.budgetGuard().isSet() ? "" : " · " + (s.budgetGuard().isEmergency()
                ? m.text("deploy.plan.guardOverridden", s.budgetGuard()) : m.text("deploy.plan.guard", s.budgetGuard())));
    }

    private void showLog(TargetRow t) {
        DeploymentRecord d = vm.detailProperty().get() == null ? null : vm.detailProperty().get().deployment();
        checkKey.setDisable(t == null || d == null || d.executor() != ExecutorKind.SSH);
        if (t == null) {
            logOf = null;
            logTitle.setText(m.text("deploy.log.pick"));
            log.clear();
            return;
        }
        logOf = t.cameraId();
        logTitle.setText(m.text("deploy.log.of", t.cameraId(), t.siteName()));
        vm.log(t.cameraId(), found -> {
            if (t.cameraId().equals(logOf)) {
                String text = TargetLogText.of(found, m, time.getZone());
                if (!text.equals(log.getText())) {
                    log.setText(text);
                    log.setScrollLeft(0);
                    log.setScrollTop(Double.MAX_VALUE); // the newest lines, as a terminal shows them
                }
            }
        });
    }

    private void confirmAbort() {
        DeploymentRecord d = vm.detailProperty().get().deployment();
        if (confirm(m.text("deploy.confirm.abort.title"), m.text("deploy.confirm.abort", d.id()),
                m.text("deploy.action.abort"))) {
            vm.abort();
        }
    }

    private void confirmRollback() {
        Detail d = vm.detailProperty().get();
        long failed = d.targets().stream().filter(t -> t.state() == TargetState.FAILED)
                .count();
        if (confirm(m.text("deploy.confirm.rollback.title"), m.text("deploy.confirm.rollback", failed,
                d.deployment().id()), m.text("deploy.action.rollback"))) {
            vm.rollBackFailed();
        }
    }

    private boolean askToTrust(HostKeyRejected r) {
        String key = r.reason() == HostKeyRejected.Reason.CHANGED ? "deploy.trust.changed" : "deploy.trust.unknown";
        return confirm(m.text("deploy.trust.title"), m.text(key, r.port() == 22 ? r.host() : r.host() + ":" + r.port(),
                r.keyType(), r.sha256Fingerprint()), m.text("deploy.trust.accept"));
    }

    private boolean confirm(String header, String text, String yes) {
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ok, ButtonType.CANCEL);
        alert.getDialogPane().setMinWidth(560);
        alert.setHeaderText(header);
        alert.setTitle(m.text("app.title"));
        Window owner = root.getScene() == null ? null : root.getScene().getWindow();
        if (owner != null) {
            alert.initOwner(owner);
        }
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
        return alert.showAndWait().filter(b -> b == ok).isPresent();
    }
}
