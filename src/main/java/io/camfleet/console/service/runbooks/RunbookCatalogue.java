package io.camfleet.console.service.runbooks;

import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.runbooks.RunbookRefused;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The runbooks a support engineer can run: the built-in ones, then the operators' own from the data folder's
 * {@code runbooks/} folder ({@code *.yaml}, {@code *.yml}, {@code *.json}, read in name order). A bad file is skipped
 * and reported with its line and reason; it never stops the other files or the console. An operator's runbook
 * cannot take a built-in's id (the built-ins are the known quantity that support scripts and colleagues rely on: a
 * variant gets a name of its own), nor one an earlier file took.
 *
 * <p>A catalogue is a snapshot; reading the folder again gives a new one.
 */
public final class RunbookCatalogue {

    /** Larger than any hand-written runbook file: a bigger one is a mistake (a log, a binary) and is not read. */
    public static final long MAX_FILE_BYTES = 256 * 1024;
    /** Files read from the folder; the rest are reported and skipped. */
    public static final int MAX_FILES = 200;
    static final String BUILT_IN = "builtin-runbooks.yaml";

    private final Map<String, Runbook> runbooks;
    private final Set<String> builtIns;
    private final List<RunbookFileProblem> problems;

    private RunbookCatalogue(Map<String, Runbook> runbooks, Set<String> builtIns, List<RunbookFileProblem> problems) {
        this.runbooks = Collections.unmodifiableMap(runbooks);
        this.builtIns = Set.copyOf(builtIns);
        this.problems = List.copyOf(problems);
    }

    /** The built-ins alone. */
    public static RunbookCatalogue builtIn() {
        return read(null);
    }

    /** The built-ins and the files in {@code folder}, which may be null or missing (no runbooks of the operators'). */
    public static RunbookCatalogue read(Path folder) {
        RunbookFiles files = new RunbookFiles();
        Map<String, Runbook> all = new LinkedHashMap<>();
        RunbookFiles.Outcome builtIn = files.read(BUILT_IN, builtInBytes());
        if (builtIn.problem() != null) {
            throw new IllegalStateException("The built-in runbooks do not read: " + builtIn.problem());
        }
        builtIn.runbooks().forEach(r -> all.put(r.runbook().id(), r.runbook()));
        Set<String> builtIns = Set.copyOf(all.keySet());
        List<RunbookFileProblem> problems = new ArrayList<>();
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (Path file : files(folder, problems)) {
            String name = file.getFileName().toString();
            RunbookFiles.Outcome outcome = readFile(files, file, name);
            RunbookFileProblem clash = outcome.problem() != null ? outcome.problem() : clash(name, outcome, all, fileOf);
            if (clash != null) {
                problems.add(clash);
                continue;
            }
            outcome.runbooks().forEach(r -> {
                all.put(r.runbook().id(), r.runbook());
                fileOf.put(r.runbook().id(), name);
            });
        }
        return new RunbookCatalogue(all, builtIns, problems);
    }

    private static List<Path> files(Path folder, List<RunbookFileProblem> problems) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found;
        try (Stream<Path> s = Files.list(folder)) {
            found = s.filter(RunbookCatalogue::isRunbookFile).sorted().toList();
        } catch (IOException e) {
            problems.add(new RunbookFileProblem(folder.toString(), 0, 0, "runbooks.file.unreadable",
                    List.of(String.valueOf(e.getMessage()))));
            return List.of();
        }
        if (found.size() > MAX_FILES) {
            found.subList(MAX_FILES, found.size()).forEach(f -> problems.add(new RunbookFileProblem(
                    f.getFileName().toString(), 0, 0, "runbooks.file.tooMany", List.of(MAX_FILES))));
            return found.subList(0, MAX_FILES);
        }
        return found;
    }

    private static boolean isRunbookFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))
                && Files.isRegularFile(p);
    }

    private static RunbookFiles.Outcome readFile(RunbookFiles files, Path file, String name) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return new RunbookFiles.Outcome(List.of(), new RunbookFileProblem(name, 0, 0, "runbooks.file.tooBig",
                        List.of(size / 1024, MAX_FILE_BYTES / 1024)));
            }
            // read no more than the limit, should the file grow between the size and the read
            byte[] content;
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (content.length > MAX_FILE_BYTES) {
                return new RunbookFiles.Outcome(List.of(), new RunbookFileProblem(name, 0, 0, "runbooks.file.tooBig",
                        List.of(content.length / 1024, MAX_FILE_BYTES / 1024)));
            }
            return files.read(name, content);
        } catch (IOException e) {
            return new RunbookFiles.Outcome(List.of(), new RunbookFileProblem(name, 0, 0, "runbooks.file.unreadable",
                    List.of(String.valueOf(e.getMessage()))));
        }
    }

    /** The first runbook of the file whose id is taken: by a built-in, an earlier file, or the same file. */
    private static RunbookFileProblem clash(String name, RunbookFiles.Outcome outcome, Map<String, Runbook> all,
                                            Map<String, String> fileOf) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (RunbookFiles.Read r : outcome.runbooks()) {
            String id = r.runbook().id();
            if (all.containsKey(id)) {
                return fileOf.containsKey(id)
                        ? new RunbookFileProblem(name, r.line(), 0, "runbooks.file.duplicateId", List.of(id, fileOf.get(id)))
                        : new RunbookFileProblem(name, r.line(), 0, "runbooks.file.builtInId", List.of(id));
            }
            Integer earlier = seen.putIfAbsent(id, r.line());
            if (earlier != null) {
                return new RunbookFileProblem(name, r.line(), 0, "runbooks.file.duplicateId",
                        List.of(id, name + ":" + earlier));
            }
        }
        return null;
    }

    private static byte[] builtInBytes() {
        try (InputStream in = RunbookCatalogue.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The built-in runbooks are missing from the build: " + BUILT_IN);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every runbook: the built-ins in their order, then the operators' in the order of their files. */
    public List<Runbook> runbooks() {
        return List.copyOf(runbooks.values());
    }

    public Optional<Runbook> find(String id) {
        return Optional.ofNullable(runbooks.get(id));
    }

    /** @throws Problem (bad input) naming the runbooks there are, when there is none with {@code id} */
    public Runbook get(String id) {
        return find(id).orElseThrow(() -> Problem.badInput("runbooks.unknown", id, String.join(", ", runbooks.keySet())));
    }

    public boolean isBuiltIn(String id) {
        return builtIns.contains(id);
    }

    /** The files skipped, each with its reason; empty when all read. */
    public List<RunbookFileProblem> problems() {
        return problems;
    }

    /**
     * The command to send for runbook {@code id} with {@code values}.
     *
     * @throws Problem (bad input) with the sentence for what the rules refuse
     */
    public String command(String id, Map<String, String> values) {
        Runbook r = get(id);
        try {
            return r.render(values);
        } catch (RunbookRefused e) {
            throw Problem.badInput("runbooks.refused." + e.reason().name(), e.args().toArray());
        }
    }
}
