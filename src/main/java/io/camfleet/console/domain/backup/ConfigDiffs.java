package io.camfleet.console.domain.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The diff of two versions of one camera's configuration, file by file. */
public final class ConfigDiffs {

    private ConfigDiffs() {
    }

    /**
     * Every path of either version in path order: only in {@code newerFiles} ADDED, only in {@code olderFiles}
     * REMOVED, with another checksum CHANGED, else SAME. A text file added, removed or changed has its rows (all
     * lines on one side for an added or removed file); a binary one is named with no rows.
     */
    public static ConfigDiff between(String cameraId, int older, List<TakenFile> olderFiles, int newer,
                                     List<TakenFile> newerFiles) {
        Map<String, TakenFile> left = byPath(olderFiles);
        Map<String, TakenFile> right = byPath(newerFiles);
        TreeSet<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        List<FileDiff> files = new ArrayList<>();
        for (String path : paths) {
            TakenFile l = left.get(path);
            TakenFile r = right.get(path);
            boolean binary = (l != null && l.file().binary()) || (r != null && r.file().binary());
            DiffRow.Change change = l == null ? DiffRow.Change.ADDED : r == null ? DiffRow.Change.REMOVED
                    : l.file().sha256().equals(r.file().sha256()) ? DiffRow.Change.SAME : DiffRow.Change.CHANGED;
            List<DiffRow> rows = binary || change == DiffRow.Change.SAME ? List.of()
                    : LineDiff.rows(l == null ? List.of() : ConfigText.lines(l.bytes()),
                    r == null ? List.of() : ConfigText.lines(r.bytes()));
            files.add(new FileDiff(path, change, binary, rows));
        }
        return new ConfigDiff(cameraId, older, newer, files);
    }

    private static Map<String, TakenFile> byPath(List<TakenFile> files) {
        Map<String, TakenFile> map = new TreeMap<>();
        files.forEach(f -> map.put(f.file().path(), f));
        return map;
    }
}
