package io.camfleet.console.ui.devices;

import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.ActionPreview;
import io.camfleet.console.service.devices.ActionReport;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.domain.devices.JudgedDevice;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

import java.util.List;
import java.util.function.Consumer;

/**
 * The bulk actions of the Devices screen, without their dialogs: which are possible on the selection, what one would
 * change (the service's preview, for the confirmation), and sending it. Nothing is sent before {@link #act} or
 * {@link #reportLost}: the view calls them only once the operator confirmed the preview. Off the FX thread, as the
 * rest of the screen.
 */
public final class DeviceActions {

    /** The actions the screen offers on a selection, in the order of its buttons. */
    public static final List<DeviceAction> OFFERED = List.of(DeviceAction.DISABLE, DeviceAction.REENABLE,
            DeviceAction.MOVE, DeviceAction.ASSIGN, DeviceAction.REBOOT, DeviceAction.APPROVE, DeviceAction.BLOCK,
            DeviceAction.WIPE);

    private final DevicesViewModel vm;
    private final DevicesService devices;
    private final Messages m;

    public DeviceActions(DevicesViewModel vm) {
        this.vm = vm;
        this.devices = vm.service();
        this.m = vm.messages();
    }

    /** Whether the action can be offered: the directory allows actions, and a selected device is of its type. */
    public BooleanBinding can(DeviceAction action) {
        return Bindings.createBooleanBinding(() -> vm.accessProperty().get().canAct()
                        && vm.selection().stream().anyMatch(j -> j.device().type() == action.type()),
                vm.accessProperty(), vm.selection());
    }

    /** A lost device is reported one at a time, and only a ChromeOS one can be disabled. */
    public BooleanBinding canReportLost() {
        return Bindings.createBooleanBinding(() -> vm.accessProperty().get().canAct()
                        && vm.selection().size() == 1
                        && vm.selection().getFirst().device().type() == DeviceType.CHROMEOS,
                vm.accessProperty(), vm.selection());
    }

    /** Whether the action asks for a value first: the org unit of a move, the reviewer of an assignment. */
    public static boolean needsParameter(DeviceAction action) {
        return action == DeviceAction.MOVE || action == DeviceAction.ASSIGN;
    }

    /** The selected devices, as the action would get them. */
    public List<ReviewDevice> selected() {
        return vm.selection().stream().map(JudgedDevice::device).toList();
    }

    /**
     * Works out what {@code action} would change on {@code on} (the selection as it was asked), then hands the preview to {@code then} on the FX
     * thread; a refusal (a missing parameter, read-only access) shows as the screen's problem instead.
     */
    public void preview(DeviceAction action, List<ReviewDevice> on, String parameter,
                        Consumer<ActionPreview> then) {
        String value = parameter == null ? "" : parameter.strip();
        if (needsParameter(action) && value.isEmpty()) {
            vm.afterStep(Problem.badInput("devicesView.parameter.missing",
                    m.text("devicesView.parameter." + action.name()).toLowerCase(m.locale())));
            return;
        }
        vm.tasks().job(m.text("devicesView.task.preview", m.text("devicesView.verb." + action.name())),
                        p -> devices.preview(action, on, value))
                .quiet()
                .onSuccess(then)
                .onFailure(vm::afterStep)
                .start();
    }

    /** Sends the action the operator confirmed; {@code then} gets the report, each failed device with why. */
    public void act(DeviceAction action, List<ReviewDevice> on, String parameter, String reason,
                    Consumer<ActionReport> then) {
        vm.tasks().job(m.text("devicesView.task.act", m.text("devicesView.verb." + action.name()), on.size()),
                        p -> devices.act(action, on, parameter == null ? "" : parameter.strip(),
                                reason == null ? "" : reason.strip()))
                .onSuccess(r -> {
                    vm.afterStep(null);
                    then.accept(r);
                })
                .onFailure(vm::afterStep)
                .start();
    }

    /** The lost-device flow: disables the device with the reason, recorded with who reported it and why. */
    public void reportLost(ReviewDevice device, String reason, Consumer<ActionReport> then) {
        vm.tasks().job(m.text("devicesView.task.act", m.text("devicesView.verb.lost"), 1),
                        p -> devices.reportLost(device, reason == null ? "" : reason.strip()))
                .onSuccess(r -> {
                    vm.afterStep(null);
                    then.accept(r);
                })
                .onFailure(vm::afterStep)
                .start();
    }
}
