package io.camfleet.console.adapter.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The AWS IoT registry's events as a topic rule forwards them to an SQS queue ({@code SELECT * FROM
 * '$aws/events/#'}): thing, thing group and thing group membership events, in the JSON the AWS IoT developer guide's
 * "Registry events" page documents. Read with short polls until the queue has nothing more to give; deleted only
 * when the caller says so, after what they told has been committed.
 */
final class RegistryEvents {

    /** ReceiveMessage's and DeleteMessageBatch's own limit. */
    static final int BATCH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Makes one counted call to AWS. */
    @FunctionalInterface
    interface Caller {
        <T> T call(String operation, Supplier<T> call);
    }

    /** What an event is about: the thing or group to ask for again; OTHER for events that change no fleet record. */
    enum Kind {
        THING,
        GROUP,
        OTHER
    }

    /** One event as received: its message (to delete it by), what it is about, and when it happened. */
    record Event(String messageId, String receipt, Kind kind, String name, Instant at) {
    }

    /** A message whose body is not a registry event this reads. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final String messageId;

        Unreadable(String messageId, String reason) {
            super(reason);
            this.messageId = messageId;
        }
    }

    private final SqsClient sqs;
    private final String queue;
    private final Caller caller;

    RegistryEvents(SqsClient sqs, String queue, Caller caller) {
        this.sqs = sqs;
        this.queue = queue;
        this.caller = caller;
    }

    /** How long the queue keeps a message. */
    Duration retention() {
        GetQueueAttributesResponse r = caller.call("sqs:GetQueueAttributes", () -> sqs.getQueueAttributes(b -> b
                .queueUrl(queue).attributeNames(QueueAttributeName.MESSAGE_RETENTION_PERIOD)));
        String seconds = r.attributes().get(QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        // SQS's default, should the attribute be missing: 4 days.
        return Duration.ofSeconds(seconds == null ? 345_600 : Long.parseLong(seconds));
    }

    /**
     * Receives messages until the queue gives none, or none it had not given already, or more than {@code most}.
     * Each stays invisible to other readers for {@code hidden}, then comes back unless it was deleted.
     */
    List<Message> receive(int most, Duration hidden) {
        List<Message> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (out.size() <= most) {
            ReceiveMessageResponse r = caller.call("sqs:ReceiveMessage", () -> sqs.receiveMessage(b -> b
                    .queueUrl(queue).maxNumberOfMessages(BATCH).waitTimeSeconds(0)
                    .visibilityTimeout((int) hidden.toSeconds())));
            int before = out.size();
            for (Message m : r.messages()) {
                if (seen.add(m.messageId())) {
                    out.add(m);
                }
            }
            if (out.size() == before) {
                break;
            }
        }
        return out;
    }

    /**
     * Reads one message's event.
     *
     * @throws Unreadable when its body is not JSON, or not an event this reads, or lacks what it must name
     */
    static Event event(Message m) throws Unreadable {
        JsonNode e;
        try {
            e = JSON.readTree(body(m.body()));
        } catch (JsonProcessingException | IllegalArgumentException x) {
            throw new Unreadable(m.messageId(), "not JSON");
        }
        if (e == null || !e.isObject()) {
            throw new Unreadable(m.messageId(), "not a JSON object");
        }
        String type = e.path("eventType").asText("");
        if (!e.path("timestamp").canConvertToLong()) {
            throw new Unreadable(m.messageId(), "no timestamp");
        }
        Instant at = AwsEnvironmentReader.epoch(e.path("timestamp").asLong());
        return switch (type) {
            case "THING_EVENT" -> new Event(m.messageId(), m.receiptHandle(), Kind.THING,
                    named(m, e, "thingName"), at);
            case "THING_GROUP_EVENT" -> new Event(m.messageId(), m.receiptHandle(), Kind.GROUP,
                    named(m, e, "thingGroupName"), at);
            // A thing joined or left a group: the thing's groups are asked for again, not the group's.
            case "THING_GROUP_MEMBERSHIP_EVENT" -> new Event(m.messageId(), m.receiptHandle(), Kind.THING,
                    arnName(m, e, "thingArn", "thing/"), at);
            // Thing types, hierarchies and the like change no site or camera.
            case "THING_TYPE_EVENT", "THING_TYPE_ASSOCIATION_EVENT", "THING_GROUP_HIERARCHY_EVENT" ->
                    new Event(m.messageId(), m.receiptHandle(), Kind.OTHER, "", at);
            default -> throw new Unreadable(m.messageId(), type.isEmpty() ? "no eventType"
                    : "eventType " + type + " is not a registry event");
        };
    }

    /** The body as sent, or decoded when the rule's SQS action base64-encodes it. */
    private static String body(String body) {
        String b = body == null ? "" : body.strip();
        return b.startsWith("{") ? b : new String(Base64.getDecoder().decode(b), StandardCharsets.UTF_8);
    }

    private static String named(Message m, JsonNode e, String field) throws Unreadable {
        String name = e.path(field).asText("");
        if (name.isEmpty()) {
            throw new Unreadable(m.messageId(), "no " + field);
        }
        return name;
    }

    private static String arnName(Message m, JsonNode e, String field, String marker) throws Unreadable {
        String arn = e.path(field).asText("");
        int at = arn.lastIndexOf(marker);
        if (at < 0 || at + marker.length() >= arn.length()) {
            throw new Unreadable(m.messageId(), "no " + field);
        }
        return arn.substring(at + marker.length());
    }

    /**
     * Deletes the messages of {@code events}, {@value #BATCH} to a call.
     *
     * @throws IllegalStateException when SQS refuses to delete some of them
     */
    void delete(List<Event> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            List<Event> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id("m" + i)
                        .receiptHandle(batch.get(i).receipt()).build());
            }
            DeleteMessageBatchResponse r = caller.call("sqs:DeleteMessageBatch", () -> sqs.deleteMessageBatch(b -> b
                    .queueUrl(queue).entries(entries)));
            if (!r.failed().isEmpty()) {
                throw new IllegalStateException(r.failed().size() + " of " + batch.size()
                        + " messages were not deleted: " + r.failed().get(0).message());
            }
        }
    }
}
