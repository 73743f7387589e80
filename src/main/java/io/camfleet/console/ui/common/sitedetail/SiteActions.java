package io.camfleet.console.ui.common.sitedetail;

import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.SiteSummary;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the site detail offers beyond itself, handed in by the composition root (screens never reach each other): a
 * ticket prefilled for the site or the cameras selected in it, and the site's timeline. A null action has no button.
 *
 * @param openTicket   starts a ticket for the site, and the cameras selected (none: the whole site)
 * @param siteTimeline shows the site's timeline, by site id
 */
public record SiteActions(BiConsumer<SiteSummary, List<CameraStatus>> openTicket, Consumer<String> siteTimeline) {

    public static final SiteActions NONE = new SiteActions(null, null);
}
