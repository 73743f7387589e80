package io.camfleet.console.adapter.os;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Shows a folder in the desktop's own file manager (an attachment's, from a ticket). Never waits for it. */
public final class FolderOpener {

    private static final Logger LOG = LoggerFactory.getLogger(FolderOpener.class);

    private FolderOpener() {
    }

    /** Opens {@code folder}; a desktop without a file manager is logged, not thrown: nothing depends on it. */
    public static void open(Path folder) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("win") ? List.of("explorer.exe", folder.toString())
                : os.contains("mac") ? List.of("open", folder.toString()) : List.of("xdg-open", folder.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            LOG.warn("Could not show the folder {} with {}", folder, command.getFirst(), e);
        }
    }
}
