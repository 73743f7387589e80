package io.camfleet.console.service.runbooks;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The runbooks of one data folder as they stand: the built-ins and the operators' files in its {@code runbooks}
 * folder, read on first use and again on {@link #reload()} (an operator fixed or added a file). Each read is a whole
 * new {@link RunbookCatalogue}, so a runbook running while the folder is read again keeps the catalogue it started
 * with. A bad file never stops it: it is left out and named in {@link #problems()}.
 */
public final class RunbookLibrary {

    private final Path folder;
    private final List<Consumer<RunbookCatalogue>> listeners = new CopyOnWriteArrayList<>();
    private volatile RunbookCatalogue current;

    /** @param folder the operators' runbooks folder; it may be missing (then only the built-ins) */
    public RunbookLibrary(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The folder the operators' files are read from. */
    public Path folder() {
        return folder;
    }

    /** The catalogue as last read; the folder is read on the first call. */
    public RunbookCatalogue current() {
        RunbookCatalogue c = current;
        return c != null ? c : reload();
    }

    /** Reads the folder again and tells the listeners; returns the new catalogue. Reads files: not on the FX thread. */
    public synchronized RunbookCatalogue reload() {
        RunbookCatalogue read = RunbookCatalogue.read(folder);
        current = read;
        // told in the order read, so that a listener never ends on an older catalogue than the current one
        listeners.forEach(l -> l.accept(read));
        return read;
    }

    /** The files of the current catalogue that were left out, each with its line and reason. */
    public List<RunbookFileProblem> problems() {
        return current().problems();
    }

    /** Called with each catalogue {@link #reload()} reads, on the thread that read it. */
    public void addListener(Consumer<RunbookCatalogue> listener) {
        listeners.add(listener);
    }
}
