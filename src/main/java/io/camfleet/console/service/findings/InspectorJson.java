package io.camfleet.console.service.findings;

import com.fasterxml.jackson.databind.JsonNode;
import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.common.Problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Amazon Inspector v2's finding, in the JSON shape ListFindings returns and the console exports, to a {@link Finding}:
 * findingArn, severity, status, title, firstObservedAt (epoch seconds from the API, ISO-8601 text in an export),
 * packageVulnerabilityDetails (vulnerabilityId, vulnerablePackages[].name) and resources[0] (the instance id, and
 * details.awsEc2Instance.imageId). A CLOSED finding is left out.
 */
public final class InspectorJson {

    static final int MAX_ID = 400;
    static final int MAX_FIELD = 300;
    static final int MAX_TITLE = 1000;

    private InspectorJson() {
    }

    /**
     * @param where  the file or environment, for the sentence when the finding is refused
     * @param number the finding's position, from 1
     * @return empty for a CLOSED finding
     * @throws Problem naming {@code where} and {@code number} if a required field is missing or wrong
     */
    public static Optional<Finding> finding(JsonNode f, String source, String where, int number, Instant now) {
        if (!f.isObject()) {
            throw Problem.badInput("findings.import.notAnObject", where, number);
        }
        if ("CLOSED".equalsIgnoreCase(text(f, "status"))) {
            return Optional.empty();
        }
        String arn = required(f, "findingArn", where, number);
        if (arn.length() > MAX_ID) {
            throw Problem.badInput("findings.import.tooLong", where, number, "findingArn", MAX_ID);
        }
        String severityText = required(f, "severity", where, number);
        Severity severity = Severity.parse(severityText).orElseThrow(() ->
                Problem.badInput("findings.import.badSeverity", where, number, severityText));
        JsonNode vuln = f.path("packageVulnerabilityDetails");
        JsonNode resource = f.path("resources").path(0);
        String host = text(resource, "id");
        if (host.isEmpty()) {
            throw Problem.badInput("findings.import.missing", where, number, "resources[0].id");
        }
        return Optional.of(new Finding(arn, source, bounded(text(vuln, "vulnerabilityId"), where, number, "cve"),
                severity, bounded(text(vuln.path("vulnerablePackages").path(0), "name"), where, number, "package"),
                bounded(host, where, number, "host"),
                bounded(text(resource.path("details").path("awsEc2Instance"), "imageId"), where, number, "image"),
                clip(text(f, "title"), MAX_TITLE), observed(f.path("firstObservedAt"), where, number, now)));
    }

    private static Instant observed(JsonNode at, String where, int number, Instant now) {
        if (at.isMissingNode() || at.isNull()) {
            return now;
        }
        if (at.isNumber()) {
            return Instant.ofEpochMilli(Math.round(at.asDouble() * 1000));
        }
        try {
            return Instant.parse(at.asText());
        } catch (DateTimeParseException e) {
            throw Problem.badInput("findings.import.badTime", where, number, at.asText());
        }
    }

    private static String required(JsonNode f, String field, String where, int number) {
        String s = text(f, field);
        if (s.isEmpty()) {
            throw Problem.badInput("findings.import.missing", where, number, field);
        }
        return s;
    }

    static String bounded(String value, String where, int number, String field) {
        if (value.length() > MAX_FIELD) {
            throw Problem.badInput("findings.import.tooLong", where, number, field, MAX_FIELD);
        }
        return value;
    }

    static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() ? v.asText().strip() : "";
    }
}
