package io.camfleet.console.ui.deploy;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.PlanJson;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Deployments screen's state as JavaFX properties, for the view to bind: the deployments with who runs each,
 * the one selected with its targets, and one flag per operator action. All of it comes from the toolkit-free
 * {@link DeploymentsModel}; this only mirrors it.
 */
public final class DeploymentsViewModel {

    /** What runs a release on cameras, for an executor. */
    @FunctionalInterface
    public interface Runners extends DeploymentsModel.Runners {
    }

    /** One target as the table shows it. */
    public record TargetRow(TargetRecord record, String siteName, List<String> lastLines) {
        public String cameraId() {
            return record.target().cameraId();
        }

        public TargetState state() {
            return record.state();
        }
    }

    /** Where a site is, for the map overlay: its targets' states drawn at its place. */
    public record SitePoint(String siteId, String name, double latitude, double longitude, List<TargetState> states) {
    }

    /** All that is shown of the selected deployment, read at once. */
    public record Detail(DeploymentRecord deployment, boolean live, List<TargetRow> targets, List<SitePoint> sites,
                         int waves) {
    }

    /** What the wizard hands over to launch. */
    public record Launch(Release release, Strategy strategy, DeploymentTargets targets, ExecutorKind executor,
                         String sshUser) {
    }

    private final DeploymentsModel model;
    private final FleetModel fleet;
    private final Function<Path, Release> releaseFiles;

    private final ObservableList<DeploymentRecord> deployments = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> notice = new ReadOnlyObjectWrapper<>("");
    private final ReadOnlyBooleanWrapper canApprove = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canPause = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canAbort = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canResumeInterrupted = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRollBack = new ReadOnlyBooleanWrapper();
    /** Set while the model's state is copied in: what the copy moves is not the operator's choice. */
    private boolean mirroring;

    public DeploymentsViewModel(DeploymentService service, RolloutService rollouts, Runners runners,
                                Function<Path, Release> releaseFiles, FleetModel fleet, BackgroundTasks tasks,
                                Messages messages) {
        this.fleet = fleet;
        this.releaseFiles = releaseFiles;
        this.model = new DeploymentsModel(service, rollouts, runners, fleet::snapshot, tasks, messages);
        model.addListener(this::mirror);
        selectedId.addListener((o, was, now) -> {
            if (!mirroring) {
                model.select(now);
            }
        });
        // Site names and places come from the fleet: read again once it has loaded (or a source switch).
        fleet.snapshotProperty().addListener((o, was, now) -> {
            if (was == null || now != null && was.sites().size() != now.sites().size()) {
                model.refresh();
            }
        });
    }

    private void mirror() {
        // A table showing the list moves its selection as rows come in: the model's selection stands.
        mirroring = true;
        try {
            if (!deployments.equals(model.deployments())) {
                deployments.setAll(model.deployments());
            }
            selectedId.set(model.selectedId());
        } finally {
            mirroring = false;
        }
        detail.set(model.detail());
        notice.set(model.notice());
        DeploymentsModel.Actions a = model.actions();
        canApprove.set(a.approve());
        canPause.set(a.pause());
        canResume.set(a.resume());
        canAbort.set(a.abort());
        canResumeInterrupted.set(a.resumeInterrupted());
        canRetry.set(a.retry());
        canRollBack.set(a.rollBack());
    }

    public ObservableList<DeploymentRecord> deployments() {
        return deployments;
    }

    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** One sentence about the last action: what it did, or why it could not. */
    public ReadOnlyObjectProperty<String> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApproveProperty() {
        return canApprove.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPauseProperty() {
        return canPause.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canAbortProperty() {
        return canAbort.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResumeInterruptedProperty() {
        return canResumeInterrupted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRollBackProperty() {
        return canRollBack.getReadOnlyProperty();
    }

    public FleetModel fleet() {
        return fleet;
    }

    public Messages messages() {
        return model.messages();
    }

    /** A deployment that is not final and that nobody runs: its lease expired, or its process is gone. */
    public boolean isInterrupted(DeploymentRecord d) {
        return model.isInterrupted(d);
    }

    /** How many deployments this console is running now. */
    public int running() {
        return model.running();
    }

    /** Stops showing: rollouts go on (the service runs them), the window just stops asking. */
    public void close() {
        model.close();
    }

    /** Reads the list and the selected deployment again, in the background. */
    public void refresh() {
        model.refresh();
    }

    /** The full log of one target of the selected deployment, read in the background. */
    void log(String cameraId, Consumer<DeploymentService.TargetLog> show) {
        model.log(cameraId, show);
    }

    /** The plan of the selected deployment, for its header. */
    Optional<Strategy> plan() {
        Detail d = detail.get();
        return d == null ? Optional.empty() : Optional.of(PlanJson.parse(d.deployment().plan()));
    }

    /** A new deployment's wizard state, starting from the sites the operator selected. */
    NewDeployment newDeployment() {
        return new NewDeployment(model, releaseFiles, Set.copyOf(fleet.selection()));
    }

    public void launch(Launch l) {
        model.launch(l);
    }

    public void approve() {
        model.approve();
    }

    public void pause() {
        model.pause();
    }

    public void resume() {
        model.resume();
    }

    public void abort() {
        model.abort();
    }

    public void resumeInterrupted() {
        model.resumeInterrupted();
    }

    public void retryFailed() {
        model.retryFailed();
    }

    public void rollBackFailed() {
        model.rollBackFailed();
    }

    void checkHostKey(TargetRow target, Function<HostKeyRejected, Boolean> decide) {
        model.checkHostKey(target, decide);
    }
}
