package io.camfleet.console.ui.deploy;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.deploy.BlastRadius;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.ExecutorKind;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A new deployment in five steps — release, targets, plan, dry run, confirm — each checked before the next, so that
 * nothing is launched that the operator has not seen: the dry run shows the blast radius of every wave. The controls
 * only: what the steps hold and check is {@link NewDeployment}'s.
 */
final class NewDeploymentWizard {

    private static final String[] STEPS = {"release", "targets", "plan", "dryRun", "confirm"};

    private final NewDeployment nd;
    private final Messages m;
    private final Stage stage = new Stage();
    private final StackPane pages = new StackPane();
    private final HBox steps = new HBox(6);
    private final Label error = new Label();
    private final Button back = new Button();
    private final Button next = new Button();

    // release
    private final ComboBox<Release> release = new ComboBox<>();
    private final GridPane releaseFacts = new GridPane();
    // targets
    private final RadioButton bySelection = new RadioButton();
    private final RadioButton byFilter = new RadioButton();
    private final TextField filter = new TextField();
    private final Label targetCount = new Label();
    // plan
    private final TextField canary = new TextField("");
    private final ComboBox<String> approval = new ComboBox<>();
    private final TextField waves = new TextField("25%");
    private final Spinner<Integer> concurrency = new Spinner<>(1, 1000, 20);
    private final TextField threshold = new TextField("5%");
    private final TextField pause = new TextField("0s");
    private final TextField budgetGuard = new TextField();
    private final TextField overrideReason = new TextField();
    private final ComboBox<ExecutorKind> executor = new ComboBox<>();
    private final TextField sshUser = new TextField();
    private final CheckBox emergency = new CheckBox();
    // dry run and confirm
    private final TableView<BlastRadius.Reach> dryRun = new TableView<>();
    private final Label dryRunTotal = new Label();
    private final Label dryRunArtifact = new Label();
    private final Label dryRunUnreachable = new Label();
    private final Label dryRunWindows = new Label();
    private final Label dryRunBudgets = new Label();
    private final Label confirmText = new Label();
    private final CheckBox reviewed = new CheckBox();

    /** What the last render showed, so that each step is filled in once as it is entered. */
    private NewDeployment.Step shown;
    private DeploymentService.Preview shownPreview;

    private NewDeploymentWizard(Window owner, NewDeployment nd) {
        this.nd = nd;
        this.m = nd.messages();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(m.text("deploy.wizard.title"));

        for (int i = 0; i < STEPS.length; i++) {
            Label l = new Label((i + 1) + "  " + m.text("deploy.wizard.step." + STEPS[i]));
            steps.getChildren().add(l);
            if (i < STEPS.length - 1) {
                Label arrow = new Label("›");
                arrow.getStyleClass().add("wizard-step");
                steps.getChildren().add(arrow);
            }
        }
        steps.setAlignment(Pos.CENTER_LEFT);
        pages.getChildren().addAll(releasePage(), targetsPage(), planPage(), dryRunPage(), confirmPage());
        VBox.setVgrow(pages, Priority.ALWAYS);
        error.getStyleClass().add("wizard-error");
        error.setWrapText(true);
        error.setId("wizard-error");
        error.setMinHeight(Region.USE_PREF_SIZE);

        back.setText(m.text("deploy.wizard.back"));
        back.setId("wizard-back");
        back.setOnAction(e -> nd.back());
        next.setId("wizard-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> nd.next());
        Button cancel = new Button(m.text("deploy.wizard.cancel"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, gap, back, next);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(14, steps, pages, error, buttons);
        root.setPadding(new Insets(18, 20, 16, 20));
        root.getStyleClass().add("deployments");
        root.setId("deploy-wizard");
        Scene scene = new Scene(root, 1060, 660); // the plan page, all its fields and the buttons under them
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            scene.getRoot().getStylesheets().setAll(owner.getScene().getRoot().getStylesheets());
        }
        root.getStylesheets().add(NewDeploymentWizard.class.getResource("deployments.css").toExternalForm());
        stage.setScene(scene);
        nd.addListener(this::render);
        render();
        nd.loadReleases();
    }

    /** Shows the wizard and waits: what to launch, or empty when the operator cancelled. */
    static Optional<DeploymentsViewModel.Launch> open(Window owner, NewDeployment nd) {
        NewDeploymentWizard w = new NewDeploymentWizard(owner, nd);
        w.stage.showAndWait();
        return nd.launch();
    }

    // ---- pages ----

    private Node page(String key, Node... content) {
        Label title = new Label(m.text("deploy.wizard.step." + key));
        title.getStyleClass().add(Styles.TITLE_4);
        Label help = new Label(m.text("deploy.wizard.help." + key));
        help.getStyleClass().add(Styles.TEXT_MUTED);
        help.setWrapText(true);
        VBox box = new VBox(10, title, help);
        box.getChildren().addAll(content);
        box.setId("wizard-page-" + key);
        return box;
    }

    private Node releasePage() {
        release.setId("wizard-release");
        release.setPrefWidth(420);
        release.setPromptText(m.text("deploy.wizard.release.prompt"));
        release.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Release r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty ? null : NewDeployment.releaseName(r));
            }
        });
        release.setButtonCell(release.getCellFactory().call(null));
        release.valueProperty().addListener((o, was, r) -> {
            if (r != nd.release()) {
                nd.chooseRelease(r);
            }
            showRelease(r);
        });
        Button file = new Button(m.text("deploy.wizard.release.file"));
        file.setId("wizard-release-file");
        file.setOnAction(e -> chooseReleaseFile());
        HBox row = new HBox(8, release, file);
        row.setAlignment(Pos.CENTER_LEFT);
        releaseFacts.setHgap(14);
        releaseFacts.setVgap(6);
        return page("release", row, releaseFacts);
    }

    private void chooseReleaseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.text("deploy.wizard.release.file"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File f = chooser.showOpenDialog(stage);
        if (f != null) {
            useReleaseFile(f.toPath());
        }
    }

    /** Reads a release file in the background and picks it; a bad file is one sentence under the page. */
    void useReleaseFile(java.nio.file.Path file) {
        nd.openReleaseFile(file);
    }

    private void showRelease(Release r) {
        releaseFacts.getChildren().clear();
        if (r == null) {
            return;
        }
        String[][] facts = {
                {"name", r.name()}, {"version", r.version()}, {"kind", r.kind().name().toLowerCase()},
                {"artifact", r.artifact()}, {"sha256", r.sha256()}, {"install", r.installScript()},
                {"healthCheck", r.healthCheck()}, {"rollback", r.rollbackScript()}};
        for (int i = 0; i < facts.length; i++) {
            Label k = new Label(m.text("deploy.release." + facts[i][0]));
            k.getStyleClass().add(Styles.TEXT_MUTED);
            Label v = new Label(facts[i][1]);
            v.setWrapText(true);
            v.setMaxWidth(600);
            releaseFacts.addRow(i, k, v);
        }
    }

    private Node targetsPage() {
        ToggleGroup how = new ToggleGroup();
        bySelection.setText(nd.selectionText());
        bySelection.setToggleGroup(how);
        bySelection.setDisable(!nd.canUseSelection());
        bySelection.setId("wizard-by-selection");
        byFilter.setText(m.text("deploy.wizard.targets.filter"));
        byFilter.setToggleGroup(how);
        byFilter.setId("wizard-by-filter");
        filter.setPromptText("region:EU customer:Northwind version:6.4.2 amsterdam, or all");
        filter.setId("wizard-filter");
        filter.setPrefColumnCount(40);
        filter.disableProperty().bind(byFilter.selectedProperty().not());
        Label syntax = new Label(m.text("deploy.wizard.targets.syntax"));
        syntax.getStyleClass().add(Styles.TEXT_MUTED);
        syntax.setWrapText(true);
        targetCount.setId("wizard-target-count");
        targetCount.getStyleClass().add(Styles.TEXT_BOLD);
        // Nothing is chosen until the operator chooses: a row the table selected by itself is no choice.
        how.selectedToggleProperty().addListener((o, was, now) -> nd.chooseTargets(now == bySelection
                ? NewDeployment.TargetChoice.SELECTION : now == byFilter ? NewDeployment.TargetChoice.FILTER
                : NewDeployment.TargetChoice.NONE));
        filter.textProperty().addListener((o, was, now) -> nd.filter(now));
        VBox.setMargin(filter, new Insets(0, 0, 0, 26));
        VBox.setMargin(syntax, new Insets(0, 0, 0, 26));
        return page("targets", bySelection, byFilter, filter, syntax, targetCount);
    }

    private Node planPage() {
        approval.getItems().setAll(m.text("deploy.wizard.plan.approvalPause"),
                m.text("deploy.wizard.plan.approvalContinue"));
        approval.getSelectionModel().select(nd.approval() == CanaryApproval.PAUSE_FOR_APPROVAL ? 0 : 1);
        approval.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> nd.approval(
                now.intValue() == 1 ? CanaryApproval.CONTINUE_WHEN_HEALTHY : CanaryApproval.PAUSE_FOR_APPROVAL));
        executor.getItems().setAll(ExecutorKind.values());
        executor.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExecutorKind k) {
                return k == null ? "" : k.name();
            }

            @Override
            public ExecutorKind fromString(String s) {
                return ExecutorKind.parse(s);
            }
        });
        executor.setValue(nd.executor());
        executor.setId("wizard-executor");
        executor.valueProperty().addListener((o, was, now) -> nd.executor(now));
        sshUser.setText(nd.sshUser());
        sshUser.setId("wizard-ssh-user");
        sshUser.disableProperty().bind(executor.valueProperty().isNotEqualTo(ExecutorKind.SSH));
        sshUser.textProperty().addListener((o, was, now) -> nd.sshUser(now));
        canary.setText(nd.canary());
        canary.textProperty().addListener((o, was, now) -> nd.canary(now));
        waves.setText(nd.waves());
        waves.textProperty().addListener((o, was, now) -> nd.waves(now));
        threshold.setText(nd.threshold());
        threshold.textProperty().addListener((o, was, now) -> nd.threshold(now));
        pause.setText(nd.pause());
        pause.textProperty().addListener((o, was, now) -> nd.pause(now));
        concurrency.getValueFactory().setValue(nd.concurrency());
        concurrency.valueProperty().addListener((o, was, now) -> nd.concurrency(now));
        emergency.selectedProperty().addListener((o, was, now) -> nd.emergency(now));
        budgetGuard.setText(nd.budgetGuard());
        budgetGuard.textProperty().addListener((o, was, now) -> nd.budgetGuard(now));
        budgetGuard.setId("wizard-budget-guard");
        budgetGuard.setPromptText(m.text("deploy.wizard.plan.budgetGuardNone"));
        overrideReason.setText(nd.overrideReason());
        overrideReason.textProperty().addListener((o, was, now) -> nd.overrideReason(now));
        overrideReason.setId("wizard-override-reason");
        overrideReason.setPromptText(m.text("deploy.wizard.plan.overrideNone"));
        concurrency.setEditable(true);
        concurrency.setId("wizard-concurrency");
        canary.setId("wizard-canary");
        canary.setPromptText(m.text("deploy.wizard.plan.canaryNone"));
        waves.setId("wizard-waves");
        threshold.setId("wizard-threshold");
        pause.setId("wizard-pause");
        emergency.setText(m.text("deploy.wizard.plan.emergency"));
        emergency.setId("wizard-emergency");
        emergency.getStyleClass().add("emergency");
        GridPane g = new GridPane();
        g.setHgap(14);
        g.setVgap(8);
        int row = 0;
        row = field(g, row, "canary", canary, "deploy.wizard.plan.canary.help");
        row = field(g, row, "approval", approval, "deploy.wizard.plan.approval.help");
        row = field(g, row, "waves", waves, "deploy.wizard.plan.waves.help");
        row = field(g, row, "concurrency", concurrency, "deploy.wizard.plan.concurrency.help");
        row = field(g, row, "threshold", threshold, "deploy.wizard.plan.threshold.help");
        row = field(g, row, "pause", pause, "deploy.wizard.plan.pause.help");
        row = field(g, row, "executor", executor, "deploy.wizard.plan.executor.help");
        row = field(g, row, "sshUser", sshUser, "deploy.wizard.plan.sshUser.help");
        row = field(g, row, "budgetGuard", budgetGuard, "deploy.wizard.plan.budgetGuard.help");
        field(g, row, "overrideReason", overrideReason, "deploy.wizard.plan.overrideReason.help");
        return page("plan", g, emergency);
    }

    private int field(GridPane g, int row, String key, Region input, String help) {
        Label l = new Label(m.text("deploy.wizard.plan." + key));
        l.setMinWidth(Region.USE_PREF_SIZE); // the names are short: never cut them to "Wait for app…"
        if (input instanceof ComboBox<?>) {
            input.setMinWidth(Region.USE_PREF_SIZE); // as wide as its longest choice: never "Wait for app…"
        } else {
            input.setPrefWidth(190);
            input.setMaxWidth(190);
        }
        Label h = new Label(m.text(help));
        h.getStyleClass().add(Styles.TEXT_MUTED);
        h.setWrapText(true); // a long help wraps onto a second line rather than being cut
        h.setMinHeight(Region.USE_PREF_SIZE);
        g.addRow(row, l, input, h);
        return row + 1;
    }

    private Node dryRunPage() {
        dryRun.setId("wizard-dry-run");
        dryRun.getStyleClass().add(Styles.DENSE);
        dryRun.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        dryRun.getColumns().setAll(List.of(
                col("wave", r -> TargetStyle.waveName(m, r.waveIndex(), hasCanary()), 90),
                col("cameras", r -> Integer.toString(r.targets()), 84),
                col("sites", r -> Integer.toString(r.sites()), 60),
                col("tiers", this::tiers, 220),
                col("customers", r -> some(r.customers(), 3), 230),
                col("siteNames", r -> some(r.siteNames(), 4), 260)));
        dryRunTotal.getStyleClass().add("dry-run-total");
        dryRunTotal.setWrapText(true);
        dryRunTotal.setMinHeight(Region.USE_PREF_SIZE);
        dryRunTotal.setId("wizard-dry-run-total");
        dryRunArtifact.setWrapText(true);
        dryRunArtifact.setMinHeight(Region.USE_PREF_SIZE);
        dryRunArtifact.setId("wizard-dry-run-artifact");
        dryRunUnreachable.getStyleClass().add(Styles.DANGER);
        dryRunUnreachable.setWrapText(true);
        dryRunUnreachable.setMinHeight(Region.USE_PREF_SIZE);
        dryRunUnreachable.setId("wizard-dry-run-unreachable");
        dryRunUnreachable.managedProperty().bind(dryRunUnreachable.visibleProperty());
        dryRunWindows.setWrapText(true);
        dryRunWindows.setMinHeight(Region.USE_PREF_SIZE);
        dryRunWindows.setId("wizard-dry-run-windows");
        dryRunWindows.managedProperty().bind(dryRunWindows.visibleProperty());
        dryRunBudgets.setWrapText(true);
        dryRunBudgets.setMinHeight(Region.USE_PREF_SIZE);
        dryRunBudgets.setId("wizard-dry-run-budgets");
        VBox.setVgrow(dryRun, Priority.ALWAYS);
        // Ten waves and more make many lines (a budget line per wave): they scroll under a table that keeps a few
        // rows, rather than push the wizard's buttons out of its window.
        dryRun.setMinHeight(150);
        VBox lines = new VBox(10, dryRunTotal, dryRunWindows, dryRunBudgets, dryRunArtifact, dryRunUnreachable);
        ScrollPane below = new ScrollPane(lines);
        below.setFitToWidth(true);
        below.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        below.setId("wizard-dry-run-lines");
        return page("dryRun", dryRun, below);
    }

    private boolean hasCanary() {
        return nd.strategy() != null && !nd.strategy().canary().isNone();
    }

    private TableColumn<BlastRadius.Reach, String> col(String key, Function<BlastRadius.Reach, String> value,
                                                       double width) {
        TableColumn<BlastRadius.Reach, String> c = new TableColumn<>(m.text("deploy.dryRun." + key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private String tiers(BlastRadius.Reach r) {
        return r.targetsByTier().entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    private String some(List<String> names, int most) {
        String shown = String.join(", ", names.subList(0, Math.min(most, names.size())));
        return names.size() > most ? shown + " " + m.text("deploy.dryRun.more", names.size() - most) : shown;
    }

    private Node confirmPage() {
        confirmText.setWrapText(true);
        confirmText.setMinHeight(Region.USE_PREF_SIZE);
        confirmText.setId("wizard-confirm-text");
        reviewed.setText(m.text("deploy.wizard.confirm.reviewed"));
        reviewed.setId("wizard-reviewed");
        reviewed.selectedProperty().addListener((o, was, now) -> {
            if (now != nd.reviewed()) {
                nd.reviewed(now);
            }
        });
        return page("confirm", confirmText, reviewed);
    }

    // ---- showing ----

    /** Shows what the wizard's state says now: the step, what it holds, and why it cannot go on. */
    private void render() {
        if (nd.launch().isPresent()) {
            stage.close();
            return;
        }
        int step = nd.step().ordinal();
        if (nd.step() != shown) {
            for (int i = 0; i < pages.getChildren().size(); i++) {
                pages.getChildren().get(i).setVisible(i == step);
            }
            for (int i = 0, label = 0; i < steps.getChildren().size(); i += 2, label++) {
                Node n = steps.getChildren().get(i);
                n.getStyleClass().removeAll("wizard-step", "wizard-step-current");
                n.getStyleClass().add(label == step ? "wizard-step-current" : "wizard-step");
            }
            if (nd.step() == NewDeployment.Step.CONFIRM) {
                confirmText.setText(confirmation());
            }
            shown = nd.step();
        }
        if (nd.preview() != shownPreview && nd.preview() != null) {
            showDryRun(nd.release(), nd.preview());
            shownPreview = nd.preview();
        }
        if (!release.getItems().equals(nd.releases())) {
            release.getItems().setAll(nd.releases());
        }
        if (release.getValue() != nd.release()) {
            release.setValue(nd.release());
        }
        reviewed.setSelected(nd.reviewed());
        targetCount.setText(nd.targetCount());
        error.setText(nd.error());
        boolean last = nd.step() == NewDeployment.Step.CONFIRM;
        back.setDisable(step == 0 || nd.busy());
        next.getStyleClass().remove(Styles.DANGER);
        if (nd.busy()) {
            next.setText(m.text("deploy.dryRun.checking"));
        } else if (last) {
            next.setText(m.text("deploy.wizard.launch", nd.targets() == null ? 0 : nd.targets().plan().size()));
            next.getStyleClass().add(Styles.DANGER);
        } else {
            next.setText(m.text("deploy.wizard.next"));
        }
        next.setDisable(nd.busy() || last && !nd.reviewed());
    }

    private void showDryRun(Release r, DeploymentService.Preview preview) {
        DeploymentService.DryRun plan = preview.dryRun();
        dryRun.getItems().setAll(plan.blastRadius().waves());
        BlastRadius.Reach total = plan.blastRadius().total();
        dryRunTotal.setText(m.text("deploy.dryRun.total", total.targets(), total.sites(), total.customers().size(),
                tiers(total), plan.waves().size()));
        String windows = nd.windowsText();
        dryRunWindows.setVisible(!windows.isEmpty());
        dryRunWindows.setText(windows);
        dryRunBudgets.setText(nd.budgetsText());
        // Sites held back are the operator's to notice before launching: said in the warning colour.
        dryRunBudgets.getStyleClass().remove(Styles.WARNING);
        if (!plan.budgets().heldBack().isEmpty()) {
            dryRunBudgets.getStyleClass().add(Styles.WARNING);
        }
        dryRunArtifact.setText(preview.artifact()
                .map(a -> m.text("deploy.dryRun.artifact", a.path(), a.bytes()))
                .orElse(m.text("deploy.dryRun.artifactNotRead", r.artifact())));
        dryRunUnreachable.setVisible(!plan.unreachable().isEmpty());
        dryRunUnreachable.setText(unreachable(plan.unreachable()));
    }

    /** The cameras that cannot be reached at all, each with its sentence: the first few, then how many more. */
    private String unreachable(Map<String, String> cameras) {
        int most = 5;
        List<String> lines = new ArrayList<>();
        lines.add(m.text("deploy.dryRun.unreachable", cameras.size()));
        cameras.entrySet().stream().limit(most).forEach(e -> lines.add(e.getKey() + ": " + e.getValue()));
        if (cameras.size() > most) {
            lines.add(m.text("deploy.dryRun.more", cameras.size() - most));
        }
        return String.join("\n", lines);
    }

    private String confirmation() {
        DeploymentService.DryRun plan = nd.preview().dryRun();
        Strategy strategy = nd.strategy();
        BlastRadius.Reach total = plan.blastRadius().total();
        List<String> lines = new ArrayList<>();
        lines.add(m.text("deploy.wizard.confirm.what", nd.release().label(), total.targets(), total.sites(),
                total.customers().size(), plan.waves().size(), nd.executor().name()));
        if (!strategy.canary().isNone()) {
            lines.add(m.text(strategy.canaryApproval() == CanaryApproval.PAUSE_FOR_APPROVAL
                    ? "deploy.wizard.confirm.canaryPause" : "deploy.wizard.confirm.canaryGo",
                    plan.waves().get(0).size()));
        }
        lines.add(m.text("deploy.wizard.confirm.threshold", strategy.failureThreshold(), strategy.maxConcurrency()));
        if (total.targetsByTier().containsKey(SlaTier.PLATINUM)) {
            lines.add(m.text("deploy.wizard.confirm.platinum", total.targetsByTier().get(SlaTier.PLATINUM)));
        }
        lines.add(m.text(strategy.ignoreMaintenanceWindows() ? "deploy.wizard.confirm.windowsIgnored"
                : "deploy.wizard.confirm.windows"));
        if (strategy.budgetGuard().isSet()) {
            lines.add(strategy.budgetGuard().isEmergency()
                    ? m.text("deploy.wizard.confirm.guardOverridden", strategy.budgetGuard(),
                    strategy.budgetGuard().emergencyReason())
                    : m.text("deploy.wizard.confirm.guard", strategy.budgetGuard(), plan.budgets().skipped().size()));
        }
        return String.join("\n\n", lines);
    }
}
