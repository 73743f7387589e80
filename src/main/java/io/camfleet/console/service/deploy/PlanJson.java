package io.camfleet.console.service.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.Problem;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rollout strategy as JSON: what pipelines pass to {@code camfleet deploy --plan PLAN.json}, and what the journal
 * keeps to resume a deployment.
 * <pre>{@code
 * {"canary": "5%", "canaryApproval": "continue", "waves": "25%", "maxConcurrency": 50,
 *  "failureThreshold": "2%", "pauseBetweenWaves": "10m", "maintenanceWindows": "respect"}
 * }</pre>
 * {@code waves} is a size (a count or a percentage) or explicit lists of camera ids ({@code [["c1","c2"],["c3"]]});
 * {@code canaryApproval} is {@code pause} (wait for an operator) or {@code continue} (once healthy); pauses are
 * {@code 90s}, {@code 10m}, {@code 1h} or ISO-8601 ({@code PT10M}); {@code maintenanceWindows} is {@code respect}
 * (the default: a camera outside its site's window waits) or {@code ignore} (an emergency, audited). Unknown keys are
 * refused.
 */
public final class PlanJson {

    private static final Set<String> KEYS = Set.of("canary", "canaryApproval", "waves", "maxConcurrency",
            "failureThreshold", "pauseBetweenWaves", "maintenanceWindows");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanJson() {
    }

    /**
     * @throws Problem (BAD_INPUT) naming what is wrong
     */
    public static Strategy parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw Problem.badInput("plan.invalid", e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw Problem.badInput("plan.invalid", "it is not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw Problem.badInput("plan.unknownKey", name, String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        try {
            return new Strategy(
                    root.hasNonNull("canary") ? HostCount.parse(root.get("canary").asText()) : HostCount.NONE,
                    approval(root.path("canaryApproval").asText("pause")),
                    waves(root.get("waves")),
                    root.path("maxConcurrency").asInt(10),
                    root.hasNonNull("failureThreshold") ? FailureThreshold.parse(root.get("failureThreshold").asText())
                            : FailureThreshold.NONE_TOLERATED,
                    duration(root.path("pauseBetweenWaves").asText("0s")),
                    ignoreWindows(root.path("maintenanceWindows").asText("respect")));
        } catch (IllegalArgumentException e) {
            throw Problem.badInput("plan.invalid", e.getMessage());
        }
    }

    private static CanaryApproval approval(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "pause", "pause_for_approval" -> CanaryApproval.PAUSE_FOR_APPROVAL;
            case "continue", "continue_when_healthy" -> CanaryApproval.CONTINUE_WHEN_HEALTHY;
            default -> throw new IllegalArgumentException("canaryApproval is '" + text + "': use pause or continue.");
        };
    }

    private static boolean ignoreWindows(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "respect" -> false;
            case "ignore" -> true;
            default -> throw new IllegalArgumentException("maintenanceWindows is '" + text
                    + "': use respect, or ignore for an emergency.");
        };
    }

    private static WaveSizing waves(JsonNode node) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("waves is missing: give a size such as \"25%\" or lists of camera ids.");
        }
        if (node.isArray()) {
            List<List<String>> lists = new ArrayList<>();
            for (JsonNode wave : node) {
                List<String> ids = new ArrayList<>();
                wave.forEach(id -> ids.add(id.asText()));
                lists.add(ids);
            }
            return new WaveSizing.Explicit(lists);
        }
        return new WaveSizing.EachOf(HostCount.parse(node.asText()));
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            if (e instanceof DateTimeParseException || e instanceof IllegalArgumentException
                    || e instanceof StringIndexOutOfBoundsException) {
                throw new IllegalArgumentException("pauseBetweenWaves is '" + text
                        + "': write it like 90s, 10m, 1h or PT10M.");
            }
            throw e;
        }
    }

    /** The strategy as JSON that {@link #parse} reads back to an equal strategy. */
    public static String write(Strategy s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("canary", s.canary().toString());
        o.put("canaryApproval", s.canaryApproval() == CanaryApproval.PAUSE_FOR_APPROVAL ? "pause" : "continue");
        if (s.waves() instanceof WaveSizing.Explicit explicit) {
            ArrayNode waves = o.putArray("waves");
            for (List<String> wave : explicit.waves()) {
                ArrayNode ids = waves.addArray();
                wave.forEach(ids::add);
            }
        } else if (s.waves() instanceof WaveSizing.EachOf each) {
            o.put("waves", each.size().toString());
        }
        o.put("maxConcurrency", s.maxConcurrency());
        o.put("failureThreshold", s.failureThreshold().toString());
        o.put("pauseBetweenWaves", s.pauseBetweenWaves().toString());
        o.put("maintenanceWindows", s.ignoreMaintenanceWindows() ? "ignore" : "respect");
        return o.toString();
    }
}
