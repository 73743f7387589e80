package io.camfleet.console.service.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.deploy.BudgetGuard;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.common.Problem;

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
 * (the default: a camera outside its site's window waits) or {@code ignore} (an emergency, audited).
 * {@code errorBudgetGuard} ({@code "25%"}) holds back the sites with less of this month's error budget left;
 * {@code "emergency": true} with an {@code emergencyReason} overrides it, audited.
 *
 * <p>Strict, because a plan decides what happens to cameras: unknown and repeated keys are refused, and so is a value
 * of the wrong JSON type ({@code "maxConcurrency": "ten"}, {@code 2.7}, {@code 1e9}); counts are whole numbers,
 * {@code maxConcurrency} from 1 to {@link Strategy#MOST_CONCURRENT}, the pause from 0 to {@link Strategy#LONGEST_PAUSE}.
 */
public final class PlanJson {

    private static final Set<String> KEYS = Set.of("canary", "canaryApproval", "waves", "maxConcurrency",
            "failureThreshold", "pauseBetweenWaves", "maintenanceWindows", "errorBudgetGuard", "emergency",
            "emergencyReason");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
            String canary = count("canary", root.get("canary"));
            String threshold = count("failureThreshold", root.get("failureThreshold"));
            return new Strategy(
                    canary != null ? HostCount.parse(canary) : HostCount.NONE,
                    approval(text(root, "canaryApproval", "pause")),
                    waves(root.get("waves")),
                    concurrency(root.get("maxConcurrency")),
                    threshold != null ? FailureThreshold.parse(threshold) : FailureThreshold.NONE_TOLERATED,
                    duration(text(root, "pauseBetweenWaves", "0s")),
                    ignoreWindows(text(root, "maintenanceWindows", "respect")),
                    guard(root));
        } catch (IllegalArgumentException e) {
            throw Problem.badInput("plan.invalid", e.getMessage());
        }
    }

    /** A value that must be a JSON string: a number, a boolean or null is refused rather than read as text. */
    private static String text(JsonNode root, String key, String absent) {
        JsonNode n = root.get(key);
        if (n == null) {
            return absent;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(key + " is " + n + ": write it as a JSON string, in quotes.");
        }
        return n.textValue();
    }

    /** The error-budget guard and its emergency override: an override must say why, and a reason needs an emergency. */
    private static BudgetGuard guard(JsonNode root) {
        String guard = text(root, "errorBudgetGuard", null);
        JsonNode emergency = root.get("emergency");
        if (emergency != null && !emergency.isBoolean()) {
            throw new IllegalArgumentException("emergency is " + emergency + ": write true or false, without quotes.");
        }
        boolean isEmergency = emergency != null && emergency.booleanValue();
        String reason = text(root, "emergencyReason", null);
        if (isEmergency && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("emergency is true but there is no emergencyReason: say why this plan "
                    + "may override the error-budget guard, such as \"emergencyReason\": \"hotfix for INC-1234\".");
        }
        if (!isEmergency && reason != null) {
            throw new IllegalArgumentException("emergencyReason is given but emergency is not true: add "
                    + "\"emergency\": true, or take the reason out.");
        }
        return new BudgetGuard(guard == null ? 0 : BudgetGuard.parsePercent(guard), isEmergency ? reason : null);
    }

    /** A count of hosts: {@code "10%"}, {@code "3"} or the whole number {@code 3}; never 2.7, 1e9 or true. */
    private static String count(String key, JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.asText();
        }
        throw new IllegalArgumentException(key + " is " + n
                + ": write a whole number of hosts such as 3, or a percentage such as \"10%\".");
    }

    private static int concurrency(JsonNode n) {
        if (n == null) {
            return 10;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < 1
                || n.intValue() > Strategy.MOST_CONCURRENT) {
            throw new IllegalArgumentException("maxConcurrency is " + n + ": write a whole number of hosts from 1 to "
                    + Strategy.MOST_CONCURRENT + ", without quotes.");
        }
        return n.intValue();
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
        if (node == null) {
            throw new IllegalArgumentException("waves is missing: give a size such as \"25%\" or lists of camera ids.");
        }
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new IllegalArgumentException("waves is an empty list: give a size such as \"25%\" or lists "
                        + "of camera ids such as [[\"c1\", \"c2\"], [\"c3\"]].");
            }
            List<List<String>> lists = new ArrayList<>();
            for (JsonNode wave : node) {
                if (!wave.isArray()) {
                    throw new IllegalArgumentException("waves holds " + wave + " where a list of camera ids belongs: "
                            + "write [[\"c1\", \"c2\"], [\"c3\"]].");
                }
                List<String> ids = new ArrayList<>();
                for (JsonNode id : wave) {
                    if (!id.isTextual() || id.textValue().isBlank()) {
                        throw new IllegalArgumentException("waves holds " + id
                                + " where a camera id belongs: write each id as a JSON string.");
                    }
                    ids.add(id.textValue());
                }
                lists.add(ids);
            }
            return new WaveSizing.Explicit(lists);
        }
        return new WaveSizing.EachOf(HostCount.parse(count("waves", node)));
    }

    /** A pause: {@code 90s}, {@code 10m}, {@code 1h} or ISO-8601; {@link Strategy} bounds it to a week. */
    public static Duration duration(String text) {
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
                    || e instanceof StringIndexOutOfBoundsException || e instanceof ArithmeticException) {
                throw new IllegalArgumentException("pauseBetweenWaves is '" + text
                        + "': write it like 90s, 10m, 1h or PT10M, at most 7 days.");
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
        if (s.budgetGuard().isSet()) {
            o.put("errorBudgetGuard", s.budgetGuard().toString());
        }
        if (s.budgetGuard().isEmergency()) {
            o.put("emergency", true);
            o.put("emergencyReason", s.budgetGuard().emergencyReason());
        }
        return o.toString();
    }
}
