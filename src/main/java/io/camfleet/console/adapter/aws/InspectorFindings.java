package io.camfleet.console.adapter.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.findings.InspectorJson;
import io.camfleet.console.service.findings.InspectorSource;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Amazon Inspector v2's active findings of an environment: {@code POST /findings/list} filtered on status ACTIVE,
 * page after page while a {@code nextToken} comes back. A token that comes back twice, or more pages than
 * {@link #MAX_PAGES}, stops the reading with a problem instead of looping.
 */
public final class InspectorFindings implements InspectorSource {

    static final int PAGE = 100;
    static final int MAX_PAGES = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<Environment, SignedJsonCall> inspector;
    private final Clock clock;

    public InspectorFindings(Function<Environment, SignedJsonCall> inspector, Clock clock) {
        this.inspector = inspector;
        this.clock = clock;
    }

    @Override
    public List<Finding> activeFindings(Environment e) {
        SignedJsonCall call = inspector.apply(e);
        String source = "inspector:" + e.label();
        List<Finding> out = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            if (++pages > MAX_PAGES) {
                throw new Problem("findings.inspector.endless", e.label(), MAX_PAGES);
            }
            JsonNode page = page(call, e, token);
            for (JsonNode f : page.path("findings")) {
                InspectorJson.finding(f, source, e.label(), out.size() + 1, clock.instant()).ifPresent(out::add);
            }
            JsonNode next = page.path("nextToken");
            token = next.isTextual() && !next.asText().isEmpty() ? next.asText() : null;
            if (token != null && !tokens.add(token)) {
                throw new Problem("findings.inspector.endless", e.label(), pages);
            }
        } while (token != null);
        return out;
    }

    private static JsonNode page(SignedJsonCall call, Environment e, String token) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("filterCriteria").putArray("findingStatus").addObject()
                .put("comparison", "EQUALS").put("value", "ACTIVE");
        body.put("maxResults", PAGE);
        if (token != null) {
            body.put("nextToken", token);
        }
        SignedJsonCall.Reply reply;
        try {
            reply = call.post("/findings/list", body.toString());
        } catch (SdkException ex) {
            throw AwsProblems.of(e, "ListFindings", ex);
        }
        JsonNode json;
        try {
            json = reply.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(reply.body());
        } catch (JsonProcessingException ex) {
            throw new Problem(ex, "findings.inspector.garbled", e.label(), reply.status());
        }
        if (reply.status() != 200) {
            String message = json.path("message").asText(json.path("Message").asText("HTTP " + reply.status()));
            String key = reply.status() == 403 ? "aws.denied" : "aws.failed";
            throw new Problem(key, e.profileOrDefault(), "ListFindings", message);
        }
        return json;
    }
}
