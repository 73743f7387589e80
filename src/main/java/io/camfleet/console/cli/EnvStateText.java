package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.terraform.DriftHint;
import io.camfleet.console.domain.terraform.TerraformState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.terraform.EnvironmentDrift;

import java.util.Map;

/** {@code camfleet env state}'s output: an environment's Terraform state and drift hints, as text or JSON. */
final class EnvStateText {

    private final Messages messages;

    EnvStateText(Messages messages) {
        this.messages = messages;
    }

    /** @param drift null when drift was not asked for */
    String plain(String environment, TerraformState state, EnvironmentDrift drift) {
        StringBuilder out = new StringBuilder();
        line(out, "env.state.header", environment, "s3://" + state.bucket() + "/" + state.key());
        line(out, "env.state.version", state.terraformVersion(), state.serial(), state.lineage(),
                state.lastModified() == null ? "-" : state.lastModified().toString());
        Map<String, Integer> counts = state.countsByType();
        line(out, "env.state.resources", state.managedCount(), counts.size());
        int width = counts.keySet().stream().mapToInt(String::length).max().orElse(0);
        counts.forEach((type, n) -> out.append("  ").append(type).append(" ".repeat(width - type.length() + 2))
                .append(n).append(System.lineSeparator()));
        if (drift == null) {
            return out.toString();
        }
        line(out, drift.hints().isEmpty() ? "env.state.noDrift" : "env.state.drift", drift.hints().size(),
                drift.checked(), drift.managedTag());
        for (DriftHint h : drift.hints()) {
            out.append("  ").append(messages.text("env.state.hint." + h.kind(), h.type(), h.id(),
                    h.address().isEmpty() ? "-" : h.address(), h.detail().isEmpty() ? "-" : h.detail()))
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    String json(String environment, TerraformState state, EnvironmentDrift drift) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = mapper.createObjectNode()
                .put("environment", environment)
                .put("bucket", state.bucket())
                .put("key", state.key())
                .put("terraformVersion", state.terraformVersion())
                .put("serial", state.serial())
                .put("lineage", state.lineage())
                .put("lastModified", state.lastModified() == null ? null : state.lastModified().toString())
                .put("resources", state.managedCount());
        ObjectNode byType = out.putObject("byType");
        state.countsByType().forEach(byType::put);
        if (drift != null) {
            ObjectNode d = out.putObject("drift").put("checked", drift.checked())
                    .put("managedTag", drift.managedTag().toString());
            ArrayNode hints = d.putArray("hints");
            for (DriftHint h : drift.hints()) {
                hints.addObject().put("kind", h.kind().name()).put("type", h.type()).put("id", h.id())
                        .put("address", h.address()).put("detail", h.detail());
            }
        }
        return mapper.writeValueAsString(out) + System.lineSeparator();
    }

    private void line(StringBuilder out, String key, Object... args) {
        out.append(messages.text(key, args)).append(System.lineSeparator());
    }
}
