package io.camfleet.console.domain.deploy;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;

import java.util.Objects;

/** One camera system to deploy to, with what the dry run shows about its site. */
public record PlanTarget(String cameraId, String siteId, String customer, SlaTier slaTier, String siteName) {

    public PlanTarget {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(siteId, "siteId");
        customer = customer == null ? "" : customer;
        slaTier = slaTier == null ? SlaTier.BRONZE : slaTier;
        siteName = siteName == null ? siteId : siteName;
    }

    public static PlanTarget of(CameraSystem camera, Site site) {
        if (!camera.siteId().equals(site.id())) {
            throw new IllegalArgumentException("Camera " + camera.id() + " belongs to site " + camera.siteId()
                    + ", not to " + site.id() + ".");
        }
        return new PlanTarget(camera.id(), site.id(), site.customer(), site.slaTier(), site.name());
    }
}
