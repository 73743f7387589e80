package io.camfleet.console.domain.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One thing in a ticket's timeline, with who did it and when. What it carries beyond its text depends on its kind.
 *
 * @param id       0 until stored; the store's order of insertion, which breaks ties between equal times
 * @param by       the operator; "" for the console itself
 * @param text     the comment, the escalation note, or a note with a status move ("" if none); for TRACKER the
 *                 tracker's issue key
 * @param change   for STATUS, ESCALATION and ASSIGNMENT: what it was before and after; for TRACKER the issue's
 *                 status there before ("" when this entry is the push) and after; null otherwise
 * @param command  for COMMAND_OUTPUT; null otherwise
 * @param file     for ATTACHMENT; null otherwise
 */
public record TimelineEntry(long id, long ticketId, Kind kind, Instant at, String by, String text, Change change,
                            CommandOutput command, Attachment file) {

    /** TRACKER: the ticket was pushed to the outside tracker (Jira), or its issue's status there changed. */
    public enum Kind { COMMENT, STATUS, ESCALATION, ASSIGNMENT, COMMAND_OUTPUT, ATTACHMENT, TRACKER }

    /** Before and after, as text (a status, a level, an assignee). */
    public record Change(String from, String to) {
    }

    /** A runbook's run on one target, with its (already redacted) output. */
    public record CommandOutput(String runbook, String target, int exitCode, Duration duration, String output) {
        public CommandOutput {
            Objects.requireNonNull(runbook, "runbook");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(duration, "duration");
            output = Objects.requireNonNullElse(output, "");
        }
    }

    /** A file kept with the ticket (a diagnostics bundle), where the console stored it. */
    public record Attachment(String name, long size, String sha256, String storedPath) {
        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(storedPath, "storedPath");
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        by = Objects.requireNonNullElse(by, "");
        text = Objects.requireNonNullElse(text, "");
    }

    public static TimelineEntry comment(Instant at, String by, String text) {
        return new TimelineEntry(0, 0, Kind.COMMENT, at, by, text, null, null, null);
    }

    public static TimelineEntry status(Instant at, String by, TicketStatus from, TicketStatus to, String note) {
        return new TimelineEntry(0, 0, Kind.STATUS, at, by, note,
                new Change(from == null ? "" : from.name(), to.name()), null, null);
    }

    public static TimelineEntry escalation(Instant at, String by, Level from, Level to, String note) {
        return new TimelineEntry(0, 0, Kind.ESCALATION, at, by, note, new Change(from.name(), to.name()), null, null);
    }

    public static TimelineEntry assignment(Instant at, String by, String from, String to) {
        return new TimelineEntry(0, 0, Kind.ASSIGNMENT, at, by, "", new Change(from, to), null, null);
    }

    public static TimelineEntry output(Instant at, String by, CommandOutput command) {
        return new TimelineEntry(0, 0, Kind.COMMAND_OUTPUT, at, by, "", null, command, null);
    }

    public static TimelineEntry attachment(Instant at, String by, Attachment file) {
        return new TimelineEntry(0, 0, Kind.ATTACHMENT, at, by, "", null, null, file);
    }

    /**
     * The ticket's issue in the outside tracker: pushed as {@code key} (then {@code fromStatus} is ""), or its status
     * there moved from {@code fromStatus} to {@code toStatus}.
     */
    public static TimelineEntry tracker(Instant at, String by, String key, String fromStatus, String toStatus) {
        return new TimelineEntry(0, 0, Kind.TRACKER, at, by, key, new Change(fromStatus, toStatus), null, null);
    }

    public TimelineEntry stored(long newId, long newTicketId) {
        return new TimelineEntry(newId, newTicketId, kind, at, by, text, change, command, file);
    }

    /** For a STATUS entry: the status moved to. */
    public TicketStatus statusTo() {
        return kind == Kind.STATUS ? TicketStatus.valueOf(change.to()) : null;
    }
}
