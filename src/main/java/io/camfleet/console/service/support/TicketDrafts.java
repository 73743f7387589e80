package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.service.common.Messages;

import java.util.List;

/**
 * Prefilled tickets from where the operator stands: a site on the map or in the table, a camera, an alert. Takes plain
 * values, so that each screen hands over what it shows and creates the ticket in one action. The severity is a first
 * guess the operator may change: a dark site or a critical alert is P1, a site P2, a camera P3.
 */
public final class TicketDrafts {

    private final Messages messages;

    public TicketDrafts(Messages messages) {
        this.messages = messages;
    }

    public TicketDraft fromSite(String siteId, String siteName, String customer, boolean offline) {
        return new TicketDraft(messages.text(offline ? "tickets.prefill.siteOffline" : "tickets.prefill.site",
                name(siteName, siteId), siteId), offline ? Severity.P1 : Severity.P2, customer, List.of(siteId),
                List.of(), "");
    }

    public TicketDraft fromCameras(String siteId, String siteName, String customer, List<String> cameraIds) {
        String title = cameraIds.size() == 1
                ? messages.text("tickets.prefill.camera", cameraIds.getFirst(), name(siteName, siteId))
                : messages.text("tickets.prefill.cameras", cameraIds.size(), name(siteName, siteId));
        return new TicketDraft(title, Severity.P3, customer, List.of(siteId), cameraIds, "");
    }

    /**
     * @param alertSummary the alert's one-line summary, as the alerts screen shows it: the title, and the description
     * @param critical     whether the alert is critical (P1) rather than a warning (P2)
     */
    public TicketDraft fromAlert(long alertId, String siteId, String siteName, String customer,
                                 List<String> cameraIds, String alertSummary, boolean critical) {
        return new TicketDraft(messages.text("tickets.prefill.alert", name(siteName, siteId), alertSummary),
                critical ? Severity.P1 : Severity.P2, customer, List.of(siteId), cameraIds,
                messages.text("tickets.prefill.alertDescription", alertId, alertSummary));
    }

    private static String name(String siteName, String siteId) {
        return siteName == null || siteName.isBlank() ? siteId : siteName;
    }
}
