package io.camfleet.console.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * The part of the Atlassian Document Format the console writes, checked as strictly as Jira does: a {@code doc} of
 * version 1 whose content is paragraphs of {@code text} nodes (a non-empty string, no marks) and {@code hardBreak}s.
 */
final class FakeJiraDocuments {

    private static final Set<String> DOC_KEYS = Set.of("type", "version", "content");

    private FakeJiraDocuments() {
    }

    static boolean isAdf(JsonNode doc) {
        if (!"doc".equals(doc.path("type").asText()) || doc.path("version").asInt() != 1
                || !doc.path("content").isArray() || !keysWithin(doc, DOC_KEYS)) {
            return false;
        }
        for (JsonNode block : doc.path("content")) {
            if (!"paragraph".equals(block.path("type").asText()) || !keysWithin(block, Set.of("type", "content"))) {
                return false;
            }
            for (JsonNode inline : block.path("content")) {
                boolean text = "text".equals(inline.path("type").asText()) && inline.path("text").isTextual()
                        && !inline.path("text").asText().isEmpty() && keysWithin(inline, Set.of("type", "text"));
                boolean hardBreak = "hardBreak".equals(inline.path("type").asText())
                        && keysWithin(inline, Set.of("type"));
                if (!text && !hardBreak) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean keysWithin(JsonNode node, Set<String> allowed) {
        var names = node.fieldNames();
        while (names.hasNext()) {
            if (!allowed.contains(names.next())) {
                return false;
            }
        }
        return true;
    }
}
