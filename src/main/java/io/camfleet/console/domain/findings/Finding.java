package io.camfleet.console.domain.findings;

import java.time.Instant;
import java.util.Objects;

/**
 * One security finding as a scanner or Amazon Inspector reported it: a vulnerability (CVE) in a package on a host.
 * The host is kept as reported; which camera it is, if any, is decided when the findings are read against the fleet,
 * so that a finding for a host the fleet does not know is kept and listed as such.
 *
 * @param id       stable across imports of the same finding (Inspector's finding ARN, or a digest of CVE, package
 *                 and host for a CSV row), so that an acceptance outlives the next import
 * @param source   where it came from: {@code csv}, {@code inspector-export}, or {@code inspector:<environment>}
 * @param host     as reported: a camera id, host name, SSH address, SSM node id or EC2 instance id
 * @param image    the image (AMI id) the scanner saw on the host, or empty
 * @param seen     when the scanner or Inspector first saw it, or when it was imported if it did not say
 */
public record Finding(String id, String source, String cve, Severity severity, String packageName, String host,
                      String image, String title, Instant seen) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(seen, "seen");
        cve = cve == null ? "" : cve;
        packageName = packageName == null ? "" : packageName;
        host = host == null ? "" : host;
        image = image == null ? "" : image;
        title = title == null ? "" : title;
    }
}
