package io.camfleet.console.cli;

import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.devices.ActionReport;
import io.camfleet.console.service.devices.CachedDevices;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code camfleet devices ...}: the review devices, from the Google directory the settings name (or the demo's), over
 * the same service as the Devices screen: sync, list with compliance, export, provisioning queue, lost devices.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Sync, list and export the review devices; queue devices for provisioning; disable a lost one.",
        subcommands = {DevicesCommand.Sync.class, DevicesCommand.ListDevices.class, DevicesCommand.Export.class,
                DevicesCommand.Provision.class, DevicesCommand.Disable.class})
public final class DevicesCommand {

    @ParentCommand
    CamfleetCommand root;

    private final Messages messages;

    public DevicesCommand(Messages messages) {
        this.messages = messages;
    }

    /** Runs {@code work} on the folder's devices service, and returns its exit code. */
    private int with(CommandSpec spec, java.util.function.ToIntFunction<DevicesService> work) {
        try (ConsoleBackend.Session session = Commands.backend(spec).open(root.dataDir())) {
            return work.applyAsInt(session.part(DevicesService.class));
        }
    }

    /**
     * The cached devices the commands read. A cache never synced, on the demo directory (the settings' default), is
     * synced first: the demo's directory is in this process, as the fleet command seeds the demo fleet. A real
     * directory is reached only by {@code devices sync}.
     */
    private CachedDevices cachedOrSynced(CommandSpec spec, DevicesService devices) {
        CachedDevices cached = devices.cached();
        if (cached.asOf() != null) {
            return cached;
        }
        if (Commands.backend(spec).settings(root.dataDir()).read().get(DeviceSettings.SECTION).google()) {
            throw new Problem("devices.cli.neverSynced");
        }
        devices.sync(Progress.NONE);
        return devices.cached();
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = {"List every device of the directory into the cache, record what changed, and provision "
                    + "the queued serials that appeared enrolled.",
                    "Exits 1 when a queued device could not be provisioned (it is tried again at the next sync)."})
    static final class Sync implements Callable<Integer> {
        @ParentCommand
        DevicesCommand devices;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Messages m = devices.messages;
            PrintWriter out = spec.commandLine().getOut();
            return devices.with(spec, service -> {
                SyncReport r = service.sync(Progress.NONE);
                out.println(m.text("devices.cli.synced", r.total(), r.count(DeviceType.CHROMEOS),
                        r.count(DeviceType.ANDROID), service.cached().source(), r.calls(),
                        r.duration().toMillis() / 1000.0, r.events()));
                if (r.duplicates() > 0) {
                    out.println(m.text("devices.cli.duplicates", r.duplicates()));
                }
                r.provisioned().forEach(serial -> out.println(m.text("devices.cli.provisioned", serial)));
                PrintWriter err = spec.commandLine().getErr();
                r.provisioningFailures().forEach((serial, why) ->
                        err.println("camfleet: " + m.text("devices.cli.provisionFailed", serial, why)));
                r.warnings().forEach(p -> err.println("camfleet: " + m.text(p)));
                return r.provisioningFailures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the cached devices with the compliance rules each breaks, and the count per rule.",
                    "On a new data folder with the demo directory, syncs it first."})
    static final class ListDevices implements Callable<Integer> {
        @ParentCommand
        DevicesCommand devices;
        @Spec
        CommandSpec spec;
        @Option(names = "--rule", paramLabel = "NAME",
                description = "Only the devices breaking this rule: os-behind, updates-ended, updates-ending, "
                        + "not-synced, no-reviewer or unknown-reviewer.")
        String rule;
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            ComplianceRule only = rule == null ? null : rule(rule);
            PrintWriter out = spec.commandLine().getOut();
            return devices.with(spec, service -> {
                CachedDevices cached = devices.cachedOrSynced(spec, service);
                List<JudgedDevice> all = service.judged();
                List<JudgedDevice> shown = only == null ? all : all.stream().filter(j -> j.breaks(only)).toList();
                if (json) {
                    out.println(DeviceTable.json(cached, shown));
                } else {
                    DeviceTable.text(devices.messages, cached, all, shown, out);
                }
                return ExitCodes.OK;
            });
        }
    }

    /** The rule of that CLI name; an unknown name is refused with the valid ones. */
    static ComplianceRule rule(String name) {
        for (ComplianceRule r : ComplianceRule.values()) {
            if (r.cliName().equalsIgnoreCase(name.strip())) {
                return r;
            }
        }
        throw Problem.badInput("devices.cli.unknownRule", name, Arrays.stream(ComplianceRule.values())
                .map(ComplianceRule::cliName).collect(Collectors.joining(", ")));
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the cached devices' compliance to a CSV file: one row a device, with the rules it "
                    + "breaks. Cells that a spreadsheet would run as formulas are neutralised."})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        DevicesCommand devices;
        @Spec
        CommandSpec spec;
        @Option(names = "--compliance", required = true, paramLabel = "FILE", description = "The CSV file to write.")
        Path file;

        @Override
        public Integer call() {
            return devices.with(spec, service -> {
                devices.cachedOrSynced(spec, service);
                int rows = service.exportCompliance(file);
                spec.commandLine().getOut().println(devices.messages.text("devices.cli.exported", rows,
                        file.toAbsolutePath().toString()));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "provision", mixinStandardHelpOptions = true,
            description = {"Queue devices for provisioning from a CSV file with the columns serial, reviewer, "
                    + "location, assetId, orgUnit. A bad row rejects the whole file, naming the row; nothing is "
                    + "queued then.",
                    "A queued device is provisioned (annotated, moved to its org unit, audited) at the first sync "
                            + "that lists it enrolled."})
    static final class Provision implements Callable<Integer> {
        @ParentCommand
        DevicesCommand devices;
        @Spec
        CommandSpec spec;
        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The queue, as CSV.")
        Path file;

        @Override
        public Integer call() {
            return devices.with(spec, service -> {
                List<ProvisionRequest> queued = service.importQueue(file);
                spec.commandLine().getOut().println(devices.messages.text("devices.cli.queued", queued.size(),
                        queued.stream().map(ProvisionRequest::serial).collect(Collectors.joining(", "))));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = {"Disable a lost or stolen device, with the reason: it is recorded with who did it and why, "
                    + "in the device's history and the audit trail.",
                    "Exits 1 when the directory refuses."})
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        DevicesCommand devices;
        @Spec
        CommandSpec spec;
        @Option(names = "--serial", required = true, paramLabel = "SERIAL", description = "The device's serial.")
        String serial;
        @Option(names = "--reason", paramLabel = "TEXT", description = "Why: lost, stolen... (required).")
        String reason;

        @Override
        public Integer call() {
            Messages m = devices.messages;
            if (reason == null || reason.isBlank()) {
                throw Problem.badInput("devices.cli.noReason");
            }
            return devices.with(spec, service -> {
                CachedDevices cached = devices.cachedOrSynced(spec, service);
                ReviewDevice device = cached.devices().stream()
                        .filter(d -> d.serial().equalsIgnoreCase(serial.strip())).findFirst()
                        .orElseThrow(() -> Problem.badInput("devices.cli.unknownSerial", serial.strip()));
                ActionReport r = service.reportLost(device, reason.strip());
                if (r.done().isEmpty() && r.failed().isEmpty() && !r.skipped().isEmpty()) {
                    Problem why = r.skipped().getFirst().why();  // already disabled, not a ChromeOS device...
                    throw Problem.badInput(why.key(), why.args());
                }
                if (!r.allDone()) {
                    spec.commandLine().getErr().println("camfleet: " + m.text("devices.cli.disableRefused",
                            device.serial(), r.failed().getFirst().reason()));
                    return ExitCodes.FAILED;
                }
                spec.commandLine().getOut().println(m.text("devices.cli.disabled", device.serial(),
                        device.reviewer().isEmpty() ? "-" : device.reviewer(), reason.strip()));
                return ExitCodes.OK;
            });
        }
    }
}
