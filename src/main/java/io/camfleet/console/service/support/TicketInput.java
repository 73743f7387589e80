package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketRefused;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;

import java.util.Locale;
import java.util.stream.Collectors;

/** What an operator gives a ticket, checked; a change refused, as the sentence the operator reads. */
final class TicketInput {

    private static final Messages ROOT = new Messages(Locale.ROOT);

    private TicketInput() {
    }

    static String title(String title) {
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            throw Problem.badInput("tickets.titleMissing");
        }
        if (t.length() > TicketService.TITLE_LIMIT) {
            throw Problem.badInput("tickets.titleTooLong", TicketService.TITLE_LIMIT, t.length());
        }
        return t;
    }

    /** A comment or a note that must say something. */
    static String text(String text, String missingKey) {
        String t = optionalText(text);
        if (t.isEmpty()) {
            throw Problem.badInput(missingKey);
        }
        return t;
    }

    static String optionalText(String text) {
        String t = text == null ? "" : text.strip();
        if (t.length() > TicketService.TEXT_LIMIT) {
            throw Problem.badInput("tickets.textTooLong", TicketService.TEXT_LIMIT, t.length());
        }
        return t;
    }

    static String assignee(String who) {
        String w = who == null ? "" : who.strip();
        if (w.length() > 200) {
            throw Problem.badInput("tickets.assigneeTooLong", 200, w.length());
        }
        return w;
    }

    /** The last {@code limit} characters of {@code output}, under a line saying how much was cut. */
    static String tail(String output, int limit) {
        if (output.length() <= limit) {
            return output;
        }
        String note = ROOT.text("tickets.outputCut", output.length() - limit) + "\n";
        int from = output.length() - (limit - note.length());
        if (Character.isLowSurrogate(output.charAt(from))) {
            from++;
        }
        return note + output.substring(from);
    }

    static String label(TicketStatus status) {
        return ROOT.text("tickets.status." + status.name());
    }

    static Problem refused(Ticket t, TicketRefused r) {
        return switch (r.reason()) {
            case MOVE_NOT_ALLOWED -> t.status() == TicketStatus.CLOSED
                    ? Problem.badInput("tickets.moveRefusedClosed", t.id(), label(r.from()), label(r.to()))
                    : Problem.badInput("tickets.moveRefused", t.id(), label(r.from()), label(r.to()),
                    t.status().next().stream().map(TicketInput::label).collect(Collectors.joining(", ")));
            case ALREADY_L3 -> Problem.badInput("tickets.alreadyL3", t.id());
            case CLOSED -> Problem.badInput("tickets.closed", t.id());
        };
    }
}
