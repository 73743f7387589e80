package io.camfleet.console.cli;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.support.TicketDraft;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.service.support.TicketFilter;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.service.tracker.TicketLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code camfleet ticket ...}: the support desk's tickets over the same service as the queue and ticket screens:
 * list with the queue's filters, show one with its SLA timers and timeline, create one prefilled from a site or its
 * cameras, comment, move, escalate, assign, and push to Jira.
 */
@Command(name = "ticket", mixinStandardHelpOptions = true,
        description = "List, show, create and work support tickets; push one to Jira.",
        subcommands = {TicketCommand.ListTickets.class, TicketCommand.Show.class, TicketCommand.Create.class,
                TicketSteps.Comment.class, TicketSteps.Move.class, TicketSteps.Escalate.class,
                TicketSteps.Assign.class, TicketSteps.Push.class})
public final class TicketCommand {

    @ParentCommand
    CamfleetCommand root;

    final Messages messages;

    public TicketCommand(Messages messages) {
        this.messages = messages;
    }

    /** Runs {@code work} on the folder's open session and returns its exit code. */
    int with(CommandSpec spec, Function<ConsoleBackend.Session, Integer> work) {
        try (ConsoleBackend.Session session = Commands.backend(spec).open(root.dataDir())) {
            return work.apply(session);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List the tickets of the queue, oldest first: the open ones unless --status or --all say "
                    + "otherwise. The DUE column is the next SLA time that matters."})
    static final class ListTickets implements Callable<Integer> {
        @ParentCommand
        TicketCommand ticket;
        @Spec
        CommandSpec spec;
        @Option(names = "--mine", description = "Only the tickets assigned to you.")
        boolean mine;
        @Option(names = "--unassigned", description = "Only the tickets nobody has.")
        boolean unassigned;
        @Option(names = "--breaching", description = "Only the tickets whose SLA is breached now.")
        boolean breaching;
        @Option(names = "--site", paramLabel = "SITE", description = "Only the tickets of this site (its id).")
        String site;
        @Option(names = "--customer", paramLabel = "CUSTOMER", description = "Only the tickets of this customer.")
        String customer;
        @Option(names = "--status", paramLabel = "STATUS", split = ",",
                description = "Only these statuses: new, triage, in-progress, waiting-on-customer, waiting-on-vendor, "
                        + "resolved, closed (several with commas).")
        List<String> statuses;
        @Option(names = "--all", description = "Resolved and closed tickets too.")
        boolean all;
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            if (mine && unassigned) {
                throw Problem.badInput("tickets.cli.mineOrUnassigned");
            }
            Set<TicketStatus> wanted = EnumSet.noneOf(TicketStatus.class);
            (statuses == null ? List.<String>of() : statuses).forEach(s -> wanted.add(status(s)));
            TicketFilter filter = new TicketFilter(mine, unassigned, breaching, site, customer, wanted, !all);
            return ticket.with(spec, session -> {
                var rows = session.part(TicketService.class).list(filter);
                if (json) {
                    spec.commandLine().getOut().println(TicketText.json(rows));
                } else {
                    new TicketText(ticket.messages).queue(rows, spec.commandLine().getOut());
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show one ticket: its header, its SLA timers now, and its timeline with the output of "
                    + "every command run for it."})
    static final class Show implements Callable<Integer> {
        @ParentCommand
        TicketCommand ticket;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The ticket's number, as 'camfleet ticket list' shows it.")
        String id;
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            long ticketId = ticketId(id);
            return ticket.with(spec, session -> {
                var detail = session.part(TicketService.class).show(ticketId);
                String url = session.part(TicketLink.class).browseUrl(detail.ticket().jiraKey());
                if (json) {
                    spec.commandLine().getOut().println(TicketText.json(detail, url));
                } else {
                    new TicketText(ticket.messages).detail(detail, url, spec.commandLine().getOut());
                }
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a ticket for a site of the fleet, or for some of its cameras, prefilled as the map "
                    + "and table prefill it: a dark site is P1, a site P2, cameras P3. Options replace what is "
                    + "prefilled. Audited."})
    static final class Create implements Callable<Integer> {
        @ParentCommand
        TicketCommand ticket;
        @Spec
        CommandSpec spec;
        @Option(names = "--site", required = true, paramLabel = "SITE", description = "The site's id.")
        String site;
        @Option(names = "--camera", paramLabel = "CAMERA", description = "A camera system of the site (repeatable).")
        List<String> cameras;
        @Option(names = "--title", paramLabel = "TEXT", description = "The title; prefilled when left out.")
        String title;
        @Option(names = "--severity", paramLabel = "P1..P4", description = "P1 (most urgent) to P4.")
        String severity;
        @Option(names = "--description", paramLabel = "TEXT", description = "What is known so far.")
        String description;

        @Override
        public Integer call() {
            Severity chosen = severity == null ? null : severity(severity);
            ConsoleBackend backend = Commands.backend(spec);
            return ticket.with(spec, session -> {
                FleetSnapshot fleet = FleetCommand.cachedOrSeeded(backend, ticket.root.dataDir(), session);
                TicketDraft draft = draft(new TicketDrafts(ticket.messages), fleet);
                if (title != null) {
                    draft = draft.withTitle(title);
                }
                if (chosen != null) {
                    draft = draft.withSeverity(chosen);
                }
                if (description != null) {
                    draft = new TicketDraft(draft.title(), draft.severity(), draft.customer(), draft.siteIds(),
                            draft.cameraIds(), description);
                }
                Ticket t = session.part(TicketService.class).create(draft);
                spec.commandLine().getOut().println(ticket.messages.text("tickets.cli.created", t.id(),
                        t.severity().name(), t.title()));
                return ExitCodes.OK;
            });
        }

        /** The site's draft, or its cameras'; a site or camera not in the fleet is refused. */
        private TicketDraft draft(TicketDrafts drafts, FleetSnapshot fleet) {
            SiteSummary s = fleet.site(site == null ? "" : site.strip());
            if (s == null) {
                throw Problem.badInput("tickets.cli.unknownSite", site, fleet.source());
            }
            if (cameras == null || cameras.isEmpty()) {
                return drafts.fromSite(s.id(), s.site().name(), s.site().customer(),
                        s.health().state() == HealthState.OFFLINE);
            }
            Set<String> atSite = fleet.cameras(s.id()).stream().map(c -> c.camera().id())
                    .collect(Collectors.toSet());
            List<String> chosen = cameras.stream().map(String::strip).distinct().toList();
            for (String c : chosen) {
                if (!atSite.contains(c)) {
                    throw Problem.badInput("tickets.cli.unknownCamera", c, s.id());
                }
            }
            return drafts.fromCameras(s.id(), s.site().name(), s.site().customer(), chosen);
        }
    }

    static long ticketId(String text) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw Problem.badInput("tickets.cli.badId", text);
    }

    /** A status as typed: any case, with dashes, underscores or spaces. */
    static TicketStatus status(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (TicketStatus s : TicketStatus.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw Problem.badInput("tickets.cli.badStatus", text, Arrays.stream(TicketStatus.values())
                .map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", ")));
    }

    static Severity severity(String text) {
        try {
            return Severity.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badInput("tickets.cli.badSeverity", text);
        }
    }
}
