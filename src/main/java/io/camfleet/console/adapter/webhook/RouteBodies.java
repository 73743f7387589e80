package io.camfleet.console.adapter.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.RoutedDelivery;
import io.camfleet.console.service.common.Messages;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What each kind of route is sent for a notice: JSON as its receiver documents it. */
final class RouteBodies {

    /** PagerDuty cuts a summary at 1,024 characters; cut it here, visibly. */
    static final int PAGERDUTY_SUMMARY = 1024;
    private static final DateTimeFormatter SLACK_TIME =
            DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final Messages m;

    RouteBodies(Messages messages) {
        this.m = messages;
    }

    /** The generic webhook: the notice's fields, as they are. */
    String webhook(AlertNotice n) {
        ObjectNode o = json.createObjectNode();
        o.put("alertId", n.alertId());
        o.put("dedupKey", n.dedupKey());
        o.put("kind", n.kind().name());
        o.put("severity", n.severity().name());
        o.put("subject", n.subject());
        o.put("siteId", n.siteId());
        o.put("summary", n.summary());
        o.put("status", n.status().name());
        o.put("at", n.at().toString());
        o.put("by", n.by());
        o.put("note", n.note());
        o.put("test", n.alertId() == RoutedDelivery.TEST_ALERT);
        return write(o);
    }

    /** A Slack incoming webhook: one short mrkdwn line, the step in bold, then who and when. */
    String slack(AlertNotice n) {
        String step = m.text("alertRoutes.slack." + n.status().name().toLowerCase(Locale.ROOT));
        StringBuilder text = new StringBuilder()
                .append(n.severity() == AlertSeverity.CRITICAL ? ":red_circle: " : ":large_orange_circle: ")
                .append('*').append(step).append("* (").append(n.severity().name().toLowerCase(Locale.ROOT))
                .append("): ").append(escape(n.summary()));
        StringBuilder context = new StringBuilder(SLACK_TIME.format(n.at()));
        if (!n.by().isEmpty()) {
            context.append(" \u00b7 ").append(escape(n.by()));
        }
        if (!n.note().isEmpty()) {
            context.append(" \u00b7 ").append(escape(n.note()));
        }
        text.append("\n_").append(context).append('_');
        ObjectNode o = json.createObjectNode();
        o.put("text", text.toString());
        return write(o);
    }

    /**
     * The PagerDuty Events API v2: trigger, acknowledge and resolve with the alert's dedup key, so that one alert is
     * one PagerDuty alert for its whole life.
     */
    String pagerDuty(AlertNotice n, String routingKey) {
        ObjectNode o = json.createObjectNode();
        o.put("routing_key", routingKey);
        o.put("event_action", switch (n.status()) {
            case RAISED -> "trigger";
            case ACKNOWLEDGED -> "acknowledge";
            case RESOLVED -> "resolve";
        });
        o.put("dedup_key", n.dedupKey());
        o.put("client", "CamFleet Console");
        ObjectNode payload = o.putObject("payload");
        String summary = n.summary().isEmpty() ? n.kind().name() + " " + n.subject() : n.summary();
        payload.put("summary", summary.length() <= PAGERDUTY_SUMMARY ? summary
                : summary.substring(0, PAGERDUTY_SUMMARY - 1) + "\u2026");
        payload.put("source", n.subject().isEmpty() ? "camfleet-console" : n.subject());
        payload.put("severity", n.severity() == AlertSeverity.CRITICAL ? "critical" : "warning");
        payload.put("timestamp", n.at().toString());
        payload.put("class", n.kind().name());
        if (!n.siteId().isEmpty()) {
            payload.put("component", n.siteId());
        }
        ObjectNode details = payload.putObject("custom_details");
        details.put("alertId", n.alertId());
        details.put("kind", n.kind().name());
        details.put("status", n.status().name());
        details.put("subject", n.subject());
        details.put("siteId", n.siteId());
        details.put("by", n.by());
        details.put("note", n.note());
        return write(o);
    }

    /** Slack's three control characters in text (api.slack.com, "Formatting text for app surfaces"). */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private String write(ObjectNode o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree of strings cannot fail to print", e);
        }
    }
}
