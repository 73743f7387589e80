package io.camfleet.console.domain.findings;

import java.util.List;

/**
 * Patch compliance of one camera system or of one image (summed over the cameras that run it): the worst patch level
 * is not computed, the levels reported are listed.
 *
 * @param subject      the camera id or the image id
 * @param cameras      the cameras counted (1 for a camera)
 * @param reported     of those, the ones with a patch state
 * @param patchLevels  the distinct patch levels reported, sorted
 */
public record PatchCompliance(String subject, int cameras, int reported, List<String> patchLevels, int installed,
                              int missing, int missingSecurity) {

    public PatchCompliance {
        patchLevels = List.copyOf(patchLevels);
    }

    /** Installed out of applicable over all the reported cameras, rounded down; 100 when nothing is applicable. */
    public int compliancePercent() {
        int applicable = installed + missing;
        return applicable == 0 ? 100 : (int) (100L * installed / applicable);
    }
}
