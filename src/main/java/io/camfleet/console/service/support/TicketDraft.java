package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.Severity;

import java.util.List;
import java.util.Objects;

/**
 * A ticket about to be created, prefilled by {@link TicketDrafts} and editable by the operator before it is.
 *
 * @param description what is known so far: the text of the ticket's first timeline entry ("" if nothing)
 */
public record TicketDraft(String title, Severity severity, String customer, List<String> siteIds,
                          List<String> cameraIds, String description) {

    public TicketDraft {
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(severity, "severity");
        customer = Objects.requireNonNullElse(customer, "");
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
        cameraIds = cameraIds == null ? List.of() : List.copyOf(cameraIds);
        description = Objects.requireNonNullElse(description, "");
    }

    public TicketDraft withTitle(String newTitle) {
        return new TicketDraft(newTitle, severity, customer, siteIds, cameraIds, description);
    }

    public TicketDraft withSeverity(Severity newSeverity) {
        return new TicketDraft(title, newSeverity, customer, siteIds, cameraIds, description);
    }
}
