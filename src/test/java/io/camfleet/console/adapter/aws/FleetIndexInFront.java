package io.camfleet.console.adapter.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeThingGroupResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock on loopback in front of moto, adding what moto's fleet index lacks: it answers {@code SearchIndex} on
 * {@code AWS_Things} in one page whatever {@code maxResults} says, and has no {@code AWS_ThingGroups} documents.
 * Here the things moto finds are cut into pages of {@code pageSize} (the next token is the offset of the next
 * page), and the group documents are made from moto's registry (its groups, attributes and parents), as AWS's
 * group index would hold them. Every other call passes through to moto unchanged.
 */
final class FleetIndexInFront implements AutoCloseable {

    static final String SEARCH = "/indices/search";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockServer proxy;
    private final IotClient registry;

    FleetIndexInFront(URI moto, String region, int pageSize) {
        registry = IotClient.builder().region(Region.of(region)).endpointOverride(moto)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAMOTOA000000000", "moto-secret-a"))).build();
        proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new ThingPages(pageSize), new GroupDocuments()));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(moto.toString())));
        proxy.stubFor(post(urlPathEqualTo(SEARCH)).atPriority(5)
                .withRequestBody(containing(AwsEnvironmentReader.THING_INDEX))
                .willReturn(aResponse().proxiedFrom(moto.toString()).withTransformers(ThingPages.NAME)));
        proxy.stubFor(post(urlPathEqualTo(SEARCH)).atPriority(5)
                .withRequestBody(containing(AwsEnvironmentReader.GROUP_INDEX))
                .willReturn(aResponse().withStatus(200).withTransformers(GroupDocuments.NAME)));
    }

    WireMockServer server() {
        return proxy;
    }

    String baseUrl() {
        return proxy.baseUrl();
    }

    @Override
    public void close() {
        proxy.stop();
        registry.close();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response as JSON, without the length moto sent for its own body. */
    private static Response json(Response like, ObjectNode body) {
        List<HttpHeader> headers = like.getHeaders().all().stream()
                .filter(h -> !h.keyEquals("Content-Length") && !h.keyEquals("Content-Type")).toList();
        HttpHeaders out = new HttpHeaders(headers).plus(new HttpHeader("Content-Type", "application/json"));
        return Response.Builder.like(like).but().status(200).headers(out).body(body.toString()).build();
    }

    /** Cuts moto's one page of things into pages of {@code pageSize}. */
    private static final class ThingPages implements ResponseTransformerV2 {
        static final String NAME = "thing-pages";
        private final int pageSize;

        ThingPages(int pageSize) {
            this.pageSize = pageSize;
        }

        @Override
        public Response transform(Response response, ServeEvent event) {
            JsonNode request = read(event.getRequest().getBodyAsString());
            int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
            ObjectNode all = (ObjectNode) read(response.getBodyAsString());
            ArrayNode things = (ArrayNode) all.withArray("things");
            ArrayNode page = JSON.createArrayNode();
            for (int i = from; i < Math.min(things.size(), from + pageSize); i++) {
                page.add(things.get(i));
            }
            ObjectNode out = JSON.createObjectNode();
            out.set("things", page);
            out.set("thingGroups", JSON.createArrayNode());
            if (from + pageSize < things.size()) {
                out.put("nextToken", String.valueOf(from + pageSize));
            }
            return json(response, out);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }

    /** Answers the group index from moto's registry: every group, in one page. */
    private final class GroupDocuments implements ResponseTransformerV2 {
        static final String NAME = "group-documents";

        @Override
        public Response transform(Response response, ServeEvent event) {
            ArrayNode groups = JSON.createArrayNode();
            registry.listThingGroupsPaginator(b -> b.recursive(true)).thingGroups().forEach(g -> {
                DescribeThingGroupResponse d = registry.describeThingGroup(b -> b.thingGroupName(g.groupName()));
                ObjectNode doc = groups.addObject();
                doc.put("thingGroupName", d.thingGroupName());
                doc.put("thingGroupId", d.thingGroupId());
                if (d.thingGroupProperties() != null) {
                    doc.put("thingGroupDescription", d.thingGroupProperties().thingGroupDescription());
                    ObjectNode attributes = doc.putObject("attributes");
                    if (d.thingGroupProperties().attributePayload() != null) {
                        d.thingGroupProperties().attributePayload().attributes().forEach(attributes::put);
                    }
                }
                ArrayNode parents = doc.putArray("parentGroupNames");
                if (d.thingGroupMetadata() != null && d.thingGroupMetadata().parentGroupName() != null) {
                    parents.add(d.thingGroupMetadata().parentGroupName());
                }
            });
            ObjectNode out = JSON.createObjectNode();
            out.set("things", JSON.createArrayNode());
            out.set("thingGroups", groups);
            return json(response, out);
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
