package io.camfleet.console.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.service.tracker.ExternalStatus;
import io.camfleet.console.service.tracker.LocalTicket;
import io.camfleet.console.service.tracker.TrackerAccount;

import java.util.ArrayList;
import java.util.List;

/** Jira's JSON: the create body with its Atlassian Document Format description, and the answers read back. */
final class JiraJson {

    /** Jira refuses a summary over 255 characters and a description over 32,767. */
    static final int SUMMARY_CHARS = 255;
    static final int DESCRIPTION_CHARS = 32_000;

    private JiraJson() {
    }

    /** The {@code fields} of POST /rest/api/3/issue; {@code priority} "" sends none. */
    static ObjectNode createBody(LocalTicket t, String project, String issueType, String priority, String label) {
        ObjectNode fields = JiraCalls.JSON.createObjectNode();
        fields.putObject("project").put("key", project);
        fields.putObject("issuetype").put("name", issueType);
        fields.put("summary", summary(t));
        fields.set("description", description(t));
        fields.putArray("labels").add(label);
        if (!priority.isEmpty()) {
            fields.putObject("priority").put("name", priority);
        }
        ObjectNode body = JiraCalls.JSON.createObjectNode();
        body.set("fields", fields);
        return body;
    }

    /** One line, within Jira's limit; a blank title still makes a summary Jira accepts. */
    static String summary(LocalTicket t) {
        String s = t.title().replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (s.isEmpty()) {
            s = "CamFleet ticket " + t.id();
        }
        return s.length() > SUMMARY_CHARS ? s.substring(0, SUMMARY_CHARS - 1) + "\u2026" : s;
    }

    /**
     * The description as an ADF document: one paragraph per block of the operator's text (lines kept as hard
     * breaks), then the sites, the cameras and the ticket it came from. Every piece of user text is a {@code text}
     * node, which Jira shows as typed: no markup in it is ever read.
     */
    static ObjectNode description(LocalTicket t) {
        ObjectNode doc = JiraCalls.JSON.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        String text = t.description().replace("\r\n", "\n").replace('\r', '\n');
        if (text.length() > DESCRIPTION_CHARS) {
            text = text.substring(0, DESCRIPTION_CHARS) + "\u2026";
        }
        for (String block : text.split("\n\\s*\n")) {
            paragraph(content, List.of(block.strip().split("\n")));
        }
        if (!t.siteIds().isEmpty()) {
            paragraph(content, List.of("Sites: " + String.join(", ", t.siteIds())));
        }
        if (!t.cameraIds().isEmpty()) {
            paragraph(content, List.of("Camera systems: " + String.join(", ", t.cameraIds())));
        }
        paragraph(content, List.of("CamFleet Console ticket " + t.id() + " (" + t.severity() + ")"));
        return doc;
    }

    private static void paragraph(ArrayNode content, List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            // ADF refuses empty text nodes, and control characters have no place in a document.
            String clean = line.replaceAll("[\\p{Cntrl}&&[^\t]]", "").stripTrailing();
            if (!clean.isEmpty()) {
                kept.add(clean);
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        ArrayNode inline = content.addObject().put("type", "paragraph").putArray("content");
        for (int i = 0; i < kept.size(); i++) {
            if (i > 0) {
                inline.addObject().put("type", "hardBreak");
            }
            inline.addObject().put("type", "text").put("text", kept.get(i));
        }
    }

    /** {@code fields.status} of an issue: its name and {@code statusCategory.key}. */
    static ExternalStatus status(JsonNode issue) {
        JsonNode status = issue.path("fields").path("status");
        ExternalStatus.Category category = switch (status.path("statusCategory").path("key").asText("")) {
            case "new" -> ExternalStatus.Category.TO_DO;
            case "indeterminate" -> ExternalStatus.Category.IN_PROGRESS;
            case "done" -> ExternalStatus.Category.DONE;
            default -> ExternalStatus.Category.UNKNOWN;
        };
        return new ExternalStatus(status.path("name").asText(""), category);
    }

    /** GET /rest/api/3/myself. */
    static TrackerAccount account(JsonNode myself) {
        return new TrackerAccount(myself.path("accountId").asText(""), myself.path("displayName").asText(""),
                myself.path("emailAddress").asText(""));
    }

    /** Whether the project (GET /rest/api/3/project/{key}) has the issue type, by name as Jira compares it. */
    static boolean hasIssueType(JsonNode project, String issueType) {
        for (JsonNode type : project.path("issueTypes")) {
            if (type.path("name").asText("").equalsIgnoreCase(issueType)) {
                return true;
            }
        }
        return false;
    }
}
