package io.camfleet.console.cli;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.map.MapRegion;
import io.camfleet.console.service.map.MapSnapshotService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code camfleet map ...}: the fleet map, off screen. */
@Command(name = "map", mixinStandardHelpOptions = true, description = "The fleet map, without the window.",
        subcommands = MapCommand.Snapshot.class)
public final class MapCommand {

    @ParentCommand
    CamfleetCommand root;

    /** {@code camfleet map snapshot}: a region of the map, for a subset of the fleet, as a PNG. */
    @Command(name = "snapshot", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Render a region of the fleet map to a PNG image (no screen needed).",
                    "Uses the fleet in the data folder's cache; on a new data folder, the demo fleet",
                    "(as the window first shows it)."})
    static final class Snapshot implements Callable<Integer> {

        @ParentCommand
        MapCommand map;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", paramLabel = "REGION", defaultValue = "WORLD",
                description = "WORLD, NA, LATAM, EU, ME, AF, APAC, OC, or a box west,south,east,north in degrees "
                        + "(default: ${DEFAULT-VALUE}).")
        String region;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The PNG file to write.")
        Path out;

        @Option(names = "--width", paramLabel = "PX", defaultValue = "1600", description = "Width (default: ${DEFAULT-VALUE}).")
        int width;

        @Option(names = "--height", paramLabel = "PX", defaultValue = "900", description = "Height (default: ${DEFAULT-VALUE}).")
        int height;

        @Option(names = "--customer", paramLabel = "NAME", description = "Only this customer's sites (repeatable).")
        List<String> customers = new ArrayList<>();

        @Option(names = "--health", paramLabel = "STATE", split = ",",
                description = "Only sites whose worst camera is in these states, e.g. OFFLINE,DEGRADED.")
        List<HealthState> health = new ArrayList<>();

        @Option(names = "--dark", description = "Dark colours.")
        boolean dark;

        @Override
        public Integer call() {
            MapRegion where = MapRegion.parse(region);
            ConsoleBackend backend = Commands.backend(spec);
            try (ConsoleBackend.Session session = backend.open(map.root.dataDir())) {
                FleetSnapshot fleet = FleetCommand.cachedOrSeeded(backend, map.root.dataDir(), session);
                FleetFilter filter = new FleetFilter("", Set.copyOf(health), Set.of(), Set.copyOf(customers), Set.of(),
                        Set.of());
                FleetSnapshot shown = fleet;
                Map<String, String> params = Map.of("region", where.name(), "width", Integer.toString(width),
                        "height", Integer.toString(height), "customers", String.join(",", customers),
                        "health", health.toString());
                Path target = out.toAbsolutePath();
                MapSnapshotService.Rendered map = session.audit().perform(AuditActions.MAP_SNAPSHOT,
                        target.toString(), params, () -> {
                            MapSnapshotService.Rendered rendered =
                                    session.maps().render(shown, filter, where, width, height, dark);
                            write(target, rendered.png());
                            return rendered;
                        });
                spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s: %d x %d, region %s, %,d sites.%n",
                        target, width, height, where.name(), map.sites());
                return ExitCodes.OK;
            }
        }

        /**
         * Writes beside the target and moves it in place, so a failure never leaves half an image. The part file is
         * created as any new file is (0666 less the umask), not with createTempFile's owner-only 0600: the image is
         * for sharing.
         */
        private static void write(Path target, byte[] png) {
            Path folder = target.getParent();
            try {
                Files.createDirectories(folder);
                Path tmp = folder.resolve(".snapshot-" + UUID.randomUUID() + ".png.part");
                try {
                    Files.write(tmp, png, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } catch (IOException | SecurityException e) {
                throw new Problem(e, "problem.outputNotWritable", target.toString(),
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
    }
}
