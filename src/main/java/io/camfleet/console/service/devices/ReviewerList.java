package io.camfleet.console.service.devices;

import io.camfleet.console.service.common.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The reviewers list the UNKNOWN_REVIEWER rule checks against: the emails of a file (one a line, {@code #} starts a
 * comment), the members of a Google group, or both. Read at each sync; between syncs the last list read stands.
 * A source that cannot be read keeps the list as it was, with a warning, rather than flagging every reviewer.
 */
public final class ReviewerList {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewerList.class);
    /** Lines shown in the warning about bad lines; the rest are counted. */
    static final int BAD_LINES_SHOWN = 5;
    private static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

    /** Lower-case emails; null until a list was read, or when none is configured. */
    private volatile Set<String> known;
    private volatile boolean read;

    /** The list, or null when none is configured or none could be read yet. */
    public Set<String> current() {
        return known;
    }

    /** Whether a list was read at least once (or found not configured). */
    boolean wasRead() {
        return read;
    }

    /**
     * Reads the sources {@code settings} names; the group through {@code directory} unless {@code withGroup} is
     * false (offline, before the first sync).
     *
     * @return what went wrong, for the sync's report
     */
    public List<Problem> refresh(DeviceSettings settings, DeviceDirectory directory, boolean withGroup) {
        List<Problem> warnings = new ArrayList<>();
        String file = settings.reviewersFile().strip();
        String group = settings.reviewersGroup().strip();
        if (file.isEmpty() && group.isEmpty()) {
            known = null;
            read = true;
            return warnings;
        }
        Set<String> emails = new HashSet<>();
        boolean complete = true;
        if (!file.isEmpty()) {
            complete &= readFile(Path.of(file), emails, warnings);
        }
        if (!group.isEmpty()) {
            if (withGroup) {
                try {
                    directory.groupMembers(group).forEach(e -> emails.add(e.strip().toLowerCase(Locale.ROOT)));
                } catch (Problem p) {
                    LOG.warn("Reviewers group {} not read: {}", group, p.getMessage());
                    warnings.add(new Problem("devices.reviewersGroupFailed", group, p.getMessage()));
                    complete = false;
                }
            } else {
                complete = false;
            }
        }
        if (complete) {
            known = Set.copyOf(emails);
        }
        read = true;
        return warnings;
    }

    private static boolean readFile(Path file, Set<String> emails, List<Problem> warnings) {
        List<String> lines;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                warnings.add(new Problem("devices.reviewersUnreadable", file.toString(), "larger than 5 MB"));
                return false;
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            warnings.add(new Problem("devices.reviewersUnreadable", file.toString(), "not UTF-8 text"));
            return false;
        } catch (NoSuchFileException e) {
            warnings.add(new Problem("devices.reviewersUnreadable", file.toString(), "no such file"));
            return false;
        } catch (IOException e) {
            warnings.add(new Problem("devices.reviewersUnreadable", file.toString(), String.valueOf(e.getMessage())));
            return false;
        }
        List<Integer> bad = new ArrayList<>();
        String firstBad = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String email = (hash >= 0 ? line.substring(0, hash) : line).replaceFirst("^\uFEFF", "").strip();
            if (email.isEmpty()) {
                continue;
            }
            if (ProvisionCheck.isEmail(email)) {
                emails.add(email.toLowerCase(Locale.ROOT));
            } else {
                bad.add(i + 1);
                firstBad = firstBad == null ? email : firstBad;
            }
        }
        if (!bad.isEmpty()) {
            String shown = String.join(", ", bad.stream().limit(BAD_LINES_SHOWN).map(String::valueOf).toList())
                    + (bad.size() > BAD_LINES_SHOWN ? " …" : "");
            warnings.add(new Problem("devices.reviewersBadLines", file.toString(), bad.size(), shown, firstBad));
        }
        return true;
    }
}
