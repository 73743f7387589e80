package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.ThingConnectivityIndexingMode;
import software.amazon.awssdk.services.iot.model.ThingIndexingMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Seeds an environment on moto through the SDK, as an operator's tooling would tag a real fleet. */
public final class FleetSeeder implements AutoCloseable {

    private final IotClient iot;
    private final CloudWatchClient cloudWatch;

    public FleetSeeder(Environment e) {
        StaticCredentialsProvider keys = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIASEEDER00000000", "seeder-secret"));
        iot = IotClient.builder().region(Region.of(e.region())).endpointOverride(e.endpoint())
                .credentialsProvider(keys).build();
        cloudWatch = CloudWatchClient.builder().region(Region.of(e.region())).endpointOverride(e.endpoint())
                .credentialsProvider(keys)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new CborToJsonBridge())).build();
    }

    public FleetSeeder region(String group) {
        iot.createThingGroup(b -> b.thingGroupName(group));
        return this;
    }

    /** A site group, nested under {@code parent} when it is not null. */
    public FleetSeeder site(String group, String parent, Map<String, String> attributes) {
        return site(group, parent, attributes, null);
    }

    /** A site group with a description (its name when it has no name attribute). */
    public FleetSeeder site(String group, String parent, Map<String, String> attributes, String description) {
        iot.createThingGroup(b -> {
            b.thingGroupName(group).thingGroupProperties(p -> p.thingGroupDescription(description).attributePayload(
                    AttributePayload.builder().attributes(attributes).build()));
            if (parent != null) {
                b.parentGroupName(parent);
            }
        });
        return this;
    }

    public FleetSeeder thing(String name, String group, Map<String, String> attributes) {
        iot.createThing(b -> b.thingName(name).attributePayload(AttributePayload.builder()
                .attributes(attributes).build()));
        if (group != null) {
            iot.addThingToThingGroup(b -> b.thingName(name).thingGroupName(group));
        }
        return this;
    }

    public FleetSeeder deleteThing(String name) {
        iot.deleteThing(b -> b.thingName(name));
        return this;
    }

    public FleetSeeder updateThing(String name, Map<String, String> attributes) {
        iot.updateThing(b -> b.thingName(name).attributePayload(AttributePayload.builder()
                .attributes(attributes).build()));
        return this;
    }

    /** Adds an existing thing to a group. */
    public FleetSeeder join(String thing, String group) {
        iot.addThingToThingGroup(b -> b.thingName(thing).thingGroupName(group));
        return this;
    }

    /** Moves a thing from one group to another, as UpdateThingGroupsForThing does. */
    public FleetSeeder move(String thing, String from, String to) {
        iot.updateThingGroupsForThing(b -> b.thingName(thing).thingGroupsToRemove(from).thingGroupsToAdd(to));
        return this;
    }

    /** Replaces a group's attributes (merging, as AWS does: a key given an empty value is removed). */
    public FleetSeeder updateGroup(String group, Map<String, String> attributes) {
        iot.updateThingGroup(b -> b.thingGroupName(group).thingGroupProperties(p -> p.attributePayload(
                AttributePayload.builder().attributes(attributes).merge(true).build())));
        return this;
    }

    public FleetSeeder indexConnectivity() {
        iot.updateIndexingConfiguration(b -> b.thingIndexingConfiguration(c -> c
                .thingIndexingMode(ThingIndexingMode.REGISTRY)
                .thingConnectivityIndexingMode(ThingConnectivityIndexingMode.STATUS)));
        return this;
    }

    /** Fleet indexing of the registry and of thing groups, connectivity off: what the indexed sync needs. */
    public FleetSeeder indexThingsAndGroups() {
        iot.updateIndexingConfiguration(b -> b
                .thingIndexingConfiguration(c -> c.thingIndexingMode(ThingIndexingMode.REGISTRY))
                .thingGroupIndexingConfiguration(c -> c.thingGroupIndexingMode(
                        software.amazon.awssdk.services.iot.model.ThingGroupIndexingMode.ON)));
        return this;
    }

    /** Puts data points for one camera: {@code metric -> value}, all at {@code at}. */
    public FleetSeeder metrics(String thing, Instant at, Map<String, Double> values) {
        List<MetricDatum> data = new ArrayList<>();
        values.forEach((metric, value) -> data.add(MetricDatum.builder().metricName(metric).value(value)
                .timestamp(at).dimensions(Dimension.builder().name("CameraId").value(thing).build()).build()));
        cloudWatch.putMetricData(b -> b.namespace("CamFleet").metricData(data));
        return this;
    }

    public static Map<String, String> siteAttributes(String name, String customer, String country, String lat,
                                                     String lon, String zone, String tier) {
        java.util.HashMap<String, String> a = new java.util.HashMap<>();
        if (name != null) {
            a.put("name", name);
        }
        a.put("customer", customer);
        a.put("country", country);
        if (lat != null) {
            a.put("lat", lat);
        }
        if (lon != null) {
            a.put("lon", lon);
        }
        a.put("timezone", zone);
        a.put("slaTier", tier);
        a.put("maintenanceWindow", "Sun_02:00-04:00");
        return a;
    }

    @Override
    public void close() {
        iot.close();
        cloudWatch.close();
    }
}
