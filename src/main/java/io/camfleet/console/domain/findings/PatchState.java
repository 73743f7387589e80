package io.camfleet.console.domain.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * A host's patch state as SSM Patch Manager or a scanner last reported it.
 *
 * @param host            the SSM node id (or, from a scanner, any name a camera is known by)
 * @param patchLevel      the baseline or patch level the host was judged against, as reported
 * @param installed       patches installed (SSM: installed, installed other and pending reboot)
 * @param missing         applicable patches not installed, failed ones included
 * @param missingSecurity of those, the security patches (SSM: SecurityNonCompliantCount)
 * @param observedAt      when the host was last scanned
 */
public record PatchState(String host, String source, String patchLevel, int installed, int missing,
                         int missingSecurity, Instant observedAt) {

    public PatchState {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(observedAt, "observedAt");
        patchLevel = patchLevel == null ? "" : patchLevel;
        if (installed < 0 || missing < 0 || missingSecurity < 0 || missingSecurity > missing) {
            throw new IllegalArgumentException("patch counts out of range for " + host);
        }
    }

    /**
     * Installed out of applicable, in percent, rounded down so that one missing patch never shows 100 %; a host with
     * nothing applicable is compliant.
     */
    public int compliancePercent() {
        int applicable = installed + missing;
        return applicable == 0 ? 100 : (int) (100L * installed / applicable);
    }
}
