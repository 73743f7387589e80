package io.camfleet.console.ui.devices;

import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.DevicesService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The provisioning queue without its dialog: the requests with their state, a new one as typed, a CSV import and the
 * cancel of a request not yet applied. The service checks what is typed or imported (a bad CSV row rejects the whole
 * file, naming the row); its sentence shows here, and nothing is queued.
 */
public final class ProvisioningModel {

    private final DevicesViewModel vm;
    private final DevicesService devices;
    private final Messages m;
    private final ObservableList<ProvisionRequest> requests = FXCollections.observableArrayList();
    private final ObjectProperty<ProvisionRequest> selected = new SimpleObjectProperty<>();
    private final StringProperty serial = new SimpleStringProperty("");
    private final StringProperty reviewer = new SimpleStringProperty("");
    private final StringProperty location = new SimpleStringProperty("");
    private final StringProperty assetId = new SimpleStringProperty("");
    private final StringProperty orgUnit = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper done = new ReadOnlyStringWrapper("");

    public ProvisioningModel(DevicesViewModel vm) {
        this.vm = vm;
        this.devices = vm.service();
        this.m = vm.messages();
    }

    /** The queue, newest first, provisioned requests included. */
    public ObservableList<ProvisionRequest> requests() {
        return requests;
    }

    public ObjectProperty<ProvisionRequest> selectedProperty() {
        return selected;
    }

    public StringProperty serialProperty() {
        return serial;
    }

    public StringProperty reviewerProperty() {
        return reviewer;
    }

    public StringProperty locationProperty() {
        return location;
    }

    public StringProperty assetIdProperty() {
        return assetId;
    }

    public StringProperty orgUnitProperty() {
        return orgUnit;
    }

    /** The last step refused, as one sentence; empty after one that went through. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last step did, as one sentence. */
    public ReadOnlyStringProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canAdd() {
        return Bindings.createBooleanBinding(() -> !serial.get().isBlank(), serial);
    }

    /** Only a request not applied yet can be cancelled: a provisioned device is changed in the directory. */
    public BooleanBinding canCancel() {
        return Bindings.createBooleanBinding(() -> selected.get() != null
                && (selected.get().state() == ProvisionRequest.State.QUEUED
                || selected.get().state() == ProvisionRequest.State.FAILED), selected);
    }

    /** Reads the queue again. */
    public void refresh() {
        vm.tasks().job(m.text("devicesView.task.queue"), p -> devices.provisioning())
                .quiet()
                .onSuccess(list -> {
                    ProvisionRequest was = selected.get();
                    requests.setAll(list);
                    selected.set(was == null ? null : list.stream().filter(r -> r.serial().equals(was.serial()))
                            .findFirst().orElse(null));
                })
                .onFailure(e -> problem.set(vm.sentence(e)))
                .start();
    }

    /** Queues the request as typed; the form empties once it is in. */
    public void add() {
        String s = serial.get().strip();
        step(() -> {
            // Who and when are stamped by the service, as this console's operator, now.
            devices.queue(ProvisionRequest.queued(s, reviewer.get().strip(), location.get().strip(),
                    assetId.get().strip(), orgUnit.get().strip(), "", null));
            return m.text("devicesView.provisioning.queued", s);
        }, () -> {
            serial.set("");
            reviewer.set("");
            location.set("");
            assetId.set("");
            orgUnit.set("");
        });
    }

    /** Queues every row of a CSV file, or none when a row is bad. */
    public void importCsv(Path csv) {
        step(() -> m.text("devicesView.provisioning.imported", devices.importQueue(csv).size(),
                csv.getFileName()), () -> { });
    }

    public void cancel() {
        ProvisionRequest r = selected.get();
        if (r != null) {
            step(() -> {
                devices.cancel(r.serial());
                return m.text("devicesView.provisioning.cancelled", r.serial());
            }, () -> { });
        }
    }

    private void step(Supplier<String> work, Runnable thenOnFx) {
        problem.set("");
        done.set("");
        vm.tasks().job(m.text("devicesView.task.queue"), p -> work.get())
                .onSuccess(sentence -> {
                    done.set(sentence);
                    thenOnFx.run();
                    refresh();
                })
                .onFailure(e -> problem.set(vm.sentence(e)))
                .start();
    }
}
