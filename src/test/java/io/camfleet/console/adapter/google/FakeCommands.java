package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.CommandScript;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.camfleet.console.adapter.google.FakeDirectoryRoutes.error;
import static io.camfleet.console.adapter.google.FakeDirectoryRoutes.json;

/**
 * The fake's device commands: {@code issueCommand}, and {@code commands.get}, which tells SENT_TO_CLIENT on the first
 * read and EXECUTED_BY_CLIENT on the next, unless the device's {@link CommandScript} says otherwise.
 */
final class FakeCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeGoogleDirectory fake;
    private final Map<String, int[]> commandReads = new HashMap<>();
    private final Map<String, String> commandDevice = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);

    FakeCommands(FakeGoogleDirectory fake) {
        this.fake = fake;
    }

    ResponseDefinition issue(String deviceId, JsonNode body) {
        if (!fake.chromeos.containsKey(deviceId)) {
            return error(404, "notFound", "Resource Not Found: deviceId");
        }
        String type = body.path("commandType").asText();
        if (!type.equals("REBOOT") && !type.equals("TAKE_A_SCREENSHOT")) {
            return error(400, "invalid", "Invalid value at 'command_type'");
        }
        String id = String.valueOf(ids.incrementAndGet());
        commandReads.put(id, new int[] {0});
        commandDevice.put(id, deviceId);
        return json(200, JSON.createObjectNode().put("commandId", id));
    }

    ResponseDefinition get(String deviceId, String commandId) {
        if (!deviceId.equals(commandDevice.get(commandId))) {
            return error(404, "notFound", "Resource Not Found: commandId");
        }
        int reads = ++commandReads.get(commandId)[0];
        CommandScript script = fake.commandScripts.getOrDefault(deviceId, CommandScript.RUNS);
        ObjectNode c = JSON.createObjectNode().put("commandId", commandId).put("issueTime", Instant.now().toString());
        if (script == CommandScript.STAYS_PENDING) {
            return json(200, c.put("state", "PENDING"));
        }
        if (reads < 2) {
            return json(200, c.put("state", "SENT_TO_CLIENT"));
        }
        c.put("state", "EXECUTED_BY_CLIENT");
        ObjectNode result = c.putObject("commandResult").put("executeTime", Instant.now().toString());
        if (script == CommandScript.FAILS) {
            result.put("result", "FAILURE").put("errorMessage", "Device is not in kiosk mode");
        } else {
            result.put("result", "SUCCESS");
        }
        return json(200, c);
    }
}
