package io.camfleet.console.service.terraform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.camfleet.console.domain.terraform.StateResource;
import io.camfleet.console.domain.terraform.TerraformState;
import io.camfleet.console.service.common.Problem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Terraform state file (format version 4) as a stream: only each resource instance's address, id and tags are
 * kept, every other attribute is skipped unread, so a state of thousands of resources takes little memory. A file
 * that is not such a state fails whole, with one sentence naming the object and what is wrong: nothing half-read is
 * returned.
 */
public final class StateFile {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private StateFile() {
    }

    /**
     * @param maxBytes the most bytes read; a longer body is refused
     * @throws Problem (BAD_INPUT) naming {@code bucket}/{@code key} when the body is not a version 4 state
     */
    public static TerraformState read(InputStream body, String bucket, String key, Instant lastModified,
                                      long maxBytes) {
        String where = "s3://" + bucket + "/" + key;
        try (JsonParser p = JSON.createParser(new Bounded(body, maxBytes))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw Problem.badInput("terraform.state.notJson", where,
                        p.currentToken() == null ? "it is empty" : "it does not start with {");
            }
            Integer version = null;
            String terraformVersion = "";
            long serial = -1;
            String lineage = "";
            List<StateResource> resources = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "version" -> {
                        version = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : -1;
                        if (version != 4) {
                            throw Problem.badInput("terraform.state.version", where,
                                    value == JsonToken.VALUE_NUMBER_INT ? p.getText() : "\"" + p.getText() + "\"");
                        }
                    }
                    case "terraform_version" -> terraformVersion = p.getValueAsString("");
                    case "serial" -> serial = p.getValueAsLong(-1);
                    case "lineage" -> lineage = p.getValueAsString("");
                    case "resources" -> resources(p, where, resources);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw Problem.badInput("terraform.state.notJson", where, "it is not one JSON object");
            }
            if (p.nextToken() != null) {
                throw Problem.badInput("terraform.state.notJson", where, "something follows the state's closing }");
            }
            if (version == null) {
                throw Problem.badInput("terraform.state.version", where, "none");
            }
            return new TerraformState(bucket, key, terraformVersion, serial, lineage, lastModified, resources);
        } catch (TooLarge e) {
            throw Problem.badInput("terraform.state.tooLarge", where, maxBytes / (1024 * 1024));
        } catch (JsonEOFException e) {
            throw Problem.badInput("terraform.state.truncated", where, e.getLocation().getByteOffset());
        } catch (JsonProcessingException e) {
            throw Problem.badInput("terraform.state.notJson", where, e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr());
        } catch (IOException e) {
            throw new Problem(e, "terraform.state.readFailed", where, e.getMessage());
        }
    }

    /** The resources array: each block's instances, one {@link StateResource} each. */
    private static void resources(JsonParser p, String where, List<StateResource> out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw Problem.badInput("terraform.state.shape", where, "resources is not a list");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String module = "";
            String mode = "managed";
            String type = "";
            String name = "";
            List<Instance> instances = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "module" -> module = p.getValueAsString("");
                    case "mode" -> mode = p.getValueAsString("managed");
                    case "type" -> type = p.getValueAsString("");
                    case "name" -> name = p.getValueAsString("");
                    case "instances" -> instances(p, where, instances);
                    default -> p.skipChildren();
                }
            }
            if (type.isEmpty() || name.isEmpty()) {
                throw Problem.badInput("terraform.state.shape", where, "resource " + out.size()
                        + " has no type or name");
            }
            boolean managed = !"data".equals(mode);
            String base = (module.isEmpty() ? "" : module + ".") + (managed ? "" : "data.") + type + "." + name;
            for (Instance i : instances) {
                out.add(new StateResource(base + i.index, managed, type, i.id, i.tags));
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            throw Problem.badInput("terraform.state.shape", where, "resources holds something not a resource");
        }
    }

    private record Instance(String index, String id, Map<String, String> tags) {
    }

    private static void instances(JsonParser p, String where, List<Instance> out) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw Problem.badInput("terraform.state.shape", where, "instances is not a list");
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String index = "";
            String id = "";
            Map<String, String> tags = Map.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    // count gives a number, for_each a string: [0], ["eu-west"]
                    case "index_key" -> index = value == JsonToken.VALUE_NUMBER_INT ? "[" + p.getText() + "]"
                            : "[\"" + p.getText() + "\"]";
                    case "attributes" -> {
                        if (value != JsonToken.START_OBJECT) {
                            p.skipChildren();
                            continue;
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String attribute = p.currentName();
                            JsonToken v = p.nextToken();
                            if ("id".equals(attribute) && v.isScalarValue()) {
                                id = p.getValueAsString("");
                            } else if ("tags".equals(attribute) && v == JsonToken.START_OBJECT) {
                                tags = tags(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            out.add(new Instance(index, id, tags));
        }
    }

    private static Map<String, String> tags(JsonParser p) throws IOException {
        Map<String, String> tags = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String k = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) {
                tags.put(k, p.getValueAsString(""));
            } else {
                p.skipChildren();
            }
        }
        return tags;
    }

    /** Thrown when the body goes on past the bound. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** The body, up to the bound; reading past it throws {@link TooLarge}. */
    private static final class Bounded extends FilterInputStream {
        private long left;

        Bounded(InputStream in, long max) {
            super(in);
            this.left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, (int) Math.min(len, Math.max(1, left + 1)));
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new TooLarge();
                }
            }
            return n;
        }
    }
}
