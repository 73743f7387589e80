package io.camfleet.console.service.findings;

import io.camfleet.console.domain.findings.SeverityCounts;

/**
 * What an import brought in.
 *
 * @param unknownHosts findings whose host is no camera of the fleet (kept, and listed as such)
 */
public record ImportReport(String source, int findings, SeverityCounts counts, int unknownHosts) {
}
