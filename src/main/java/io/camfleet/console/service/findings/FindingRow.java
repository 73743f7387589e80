package io.camfleet.console.service.findings;

import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.RiskAcceptance;

import java.util.Optional;

/**
 * A finding as the operators read it: tied to a camera and its image where the host is known, and accepted or open.
 *
 * @param cameraId   the camera the host is, or empty for a host the fleet does not know
 * @param image      the camera's image, else the image the scanner reported
 * @param acceptance the acceptance that holds now, if any (an expired one is not shown: the finding is open again)
 */
public record FindingRow(Finding finding, String cameraId, String siteId, String image,
                         Optional<RiskAcceptance> acceptance) {

    public boolean knownHost() {
        return !cameraId.isEmpty();
    }

    public boolean open() {
        return acceptance.isEmpty();
    }
}
