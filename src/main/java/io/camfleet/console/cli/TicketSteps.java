package io.camfleet.console.cli;

import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.service.tracker.ExternalIssue;
import io.camfleet.console.service.tracker.TicketLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** The steps {@code camfleet ticket} takes on one ticket; each is audited by the service and says what it did. */
final class TicketSteps {

    private TicketSteps() {
    }

    @Command(name = "comment", mixinStandardHelpOptions = true,
            description = {"Add a comment to a ticket's timeline: what you found or did."})
    static final class Comment implements Callable<Integer> {
        @ParentCommand
        TicketCommand ticket;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The ticket's number.")
        String id;
        @Parameters(index = "1", paramLabel = "TEXT", description = "The comment (quote it).")
        String text;

        @Override
        public Integer call() {
            long ticketId = TicketCommand.ticketId(id);
            return ticket.with(spec, session -> {
                session.part(TicketService.class).comment(ticketId, text);
                say(ticket, spec, "tickets.cli.commented", ticketId);
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = {"Move a ticket to another status, with an optional note. Only the moves the desk allows "
                    + "are taken; a refused one names those that are."})
    static final class Move implements Callable<Integer> {
        @ParentCommand
        TicketCommand ticket;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The ticket's number.")
        String id;
        @Parameters(index = "1", paramLabel = "STATUS", description = "new, triage, in-progress, waiting-on-customer, "
                + "waiting-on-vendor, resolved or closed.")
        String status;
        @Option(names = "--note", paramLabel = "TEXT", description = "Why, for the timeline.")
        String note;

        @Override
        public Integer call() {
            long ticketId = TicketCommand.ticketId(id);
            TicketStatus to = TicketCommand.status(status);
            return ticket.with(spec, session -> {
                TicketService tickets = session.part(TicketService.class);
                TicketStatus from = tickets.find(ticketId).status();
                tickets.move(ticketId, to, note);
                Messages m = ticket.messages;
                say(ticket, spec, "tickets.cli.moved", ticketId, m.text("tickets.status." + from.name()),
                        m.text("tickets.status." + to.name()));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "escalate", mixinStandardHelpOptions = true,
            description = {"Escalate a ticket from L2 to L3, with the note that says why (required)."})
    static final class Escalate implements Callable<Integer> {
        @ParentCommand
        TicketCommand ticket;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The ticket's number.")
        String id;
        @Option(names = "--note", paramLabel = "TEXT", description = "Why level 3 must take it (required).")
        String note;

        @Override
        public Integer call() {
            long ticketId = TicketCommand.ticketId(id);
            return ticket.with(spec, session -> {
                session.part(TicketService.class).escalate(ticketId, note);
                say(ticket, spec, "tickets.cli.escalated", ticketId);
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = {"Give a ticket to someone (USER), take it on yourself (--me), or leave it to nobody "
                    + "(--nobody)."})
    static final class Assign implements Callable<Integer> {
        @ParentCommand
        TicketCommand ticket;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", description = "The ticket's number.")
        String id;
        @Parameters(index = "1", arity = "0..1", paramLabel = "USER", description = "Who takes it.")
        String user;
        @Option(names = "--me", description = "You take it.")
        boolean me;
        @Option(names = "--nobody", description = "Nobody has it.")
        boolean nobody;

        @Override
        public Integer call() {
            long ticketId = TicketCommand.ticketId(id);
            int chosen = (user == null ? 0 : 1) + (me ? 1 : 0) + (nobody ? 1 : 0);
            if (chosen != 1 || user != null && user.isBlank()) {
                throw Problem.badInput("tickets.cli.assignWhom");
            }
            return ticket.with(spec, session -> {
                TicketService tickets = session.part(TicketService.class);
                Ticket t = me ? tickets.takeOn(ticketId) : tickets.assign(ticketId, nobody ? "" : user);
                if (t.assignee().isEmpty()) {
                    say(ticket, spec, "tickets.cli.unassigned", ticketId);
                } else {
                    say(ticket, spec, "tickets.cli.assigned", ticketId, t.assignee());
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = {"Push a ticket to the Jira project of the jira settings, with the API token from "
                    + "CAMFLEET_JIRA_TOKEN; its key and status are kept on the ticket. A ticket pushed before is "
                    + "not pushed again: its status is read again instead. Audited."})
    static final class Push implements Callable<Integer> {
        @ParentCommand
        TicketCommand ticket;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The ticket's number.")
        String id;

        @Override
        public Integer call() {
            long ticketId = TicketCommand.ticketId(id);
            return ticket.with(spec, session -> {
                ExternalIssue issue = session.part(TicketLink.class).push(ticketId);
                say(ticket, spec, "tickets.cli.pushed", ticketId, issue.key(), issue.status().name(), issue.url());
                return ExitCodes.OK;
            });
        }
    }

    private static void say(TicketCommand ticket, CommandSpec spec, String key, Object... args) {
        spec.commandLine().getOut().println(ticket.messages.text(key, args));
    }
}
