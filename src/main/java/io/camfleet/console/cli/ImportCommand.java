package io.camfleet.console.cli;

import io.camfleet.console.service.settings.EnvironmentSettings;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code camfleet import FILE}: a site registry into the data folder's cache, whole or not at all. Bad rows reach
 * the user through {@link Commands}' handler, which lists every one of them.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a site registry (CSV or JSON) into the data folder's cache, replacing its fleet.",
                "Exits 0 with the counts; 2 listing every bad row, with nothing imported."})
public final class ImportCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The registry: a .csv with a header row, or a .json array.")
    Path file;

    private final Messages messages;

    public ImportCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        ConsoleBackend backend = Commands.backend(spec);
        try (ConsoleBackend.Session session = backend.open(root.dataDir(), backend.importedFleet(file))) {
            // The file is read and checked before the cache is touched; a bad row stops the import there.
            FleetSnapshot fleet = session.fleet().reload(Progress.NONE);
            // The cache now holds this registry: the window opens on it, not on the source the settings named.
            new EnvironmentSettings(backend.settings(root.dataDir())).importedFrom(file);
            long unplaced = fleet.sites().stream().filter(s -> !s.site().isPlaced()).count();
            spec.commandLine().getOut().println(messages.text("import.done", file.toString(),
                    session.folder().toString(), fleet.siteCount(), fleet.cameraCount(), unplaced));
            return ExitCodes.OK;
        }
    }
}
