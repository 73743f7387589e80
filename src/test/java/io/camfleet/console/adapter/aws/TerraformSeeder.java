package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seeds a moto environment for Terraform tests through the SDK: a state bucket and object, instances, images and IoT
 * things. Writes state files in the version 4 format with the ids moto gave.
 */
public final class TerraformSeeder implements AutoCloseable {

    /** One of moto's default images, for instances to run. */
    private static final String BASE_IMAGE = "ami-12c6146b";

    private final AwsClients clients;
    private final Environment env;

    public TerraformSeeder(MotoServer moto, Environment env) {
        this.clients = moto.clients(op -> { });
        this.env = env;
    }

    public TerraformSeeder bucket(String name) {
        clients.s3(env).createBucket(b -> b.bucket(name).createBucketConfiguration(CreateBucketConfiguration
                .builder().locationConstraint(env.region()).build()));
        return this;
    }

    public TerraformSeeder object(String bucket, String key, String body) {
        clients.s3(env).putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
        return this;
    }

    /** Runs an instance with these tags; its id. */
    public String instance(Map<String, String> tags) {
        return ec2().runInstances(b -> b.imageId(BASE_IMAGE).minCount(1).maxCount(1).instanceType("t3.micro")
                .tagSpecifications(spec(ResourceType.INSTANCE, tags))).instances().getFirst().instanceId();
    }

    public void terminate(String instanceId) {
        ec2().terminateInstances(b -> b.instanceIds(instanceId));
    }

    /** An image of the account, made from {@code instanceId}, with these tags; its id. */
    public String image(String instanceId, String name, Map<String, String> tags) {
        return ec2().createImage(b -> b.instanceId(instanceId).name(name)
                .tagSpecifications(spec(ResourceType.IMAGE, tags))).imageId();
    }

    public TerraformSeeder thing(String name, Map<String, String> attributes) {
        clients.of(env).iot().createThing(b -> b.thingName(name)
                .attributePayload(AttributePayload.builder().attributes(attributes).build()));
        return this;
    }

    private Ec2Client ec2() {
        return clients.ec2(env);
    }

    private static TagSpecification spec(ResourceType type, Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return TagSpecification.builder().resourceType(type).tags(list).build();
    }

    /**
     * A version 4 state holding, for each type, the given ids as the instances of one resource block with
     * {@code count} (things with {@code for_each}).
     */
    public static String state(long serial, Map<String, List<String>> idsByType) {
        StringBuilder s = new StringBuilder("{\"version\": 4, \"terraform_version\": \"1.9.8\", \"serial\": ")
                .append(serial).append(", \"lineage\": \"moto-test\", \"outputs\": {}, \"resources\": [");
        String sep = "";
        for (var e : idsByType.entrySet()) {
            s.append(sep).append("{\"mode\": \"managed\", \"type\": \"").append(e.getKey())
                    .append("\", \"name\": \"this\", \"provider\": \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\", \"instances\": [");
            sep = ", ";
            String isep = "";
            for (int i = 0; i < e.getValue().size(); i++) {
                String id = e.getValue().get(i);
                String index = e.getKey().equals("aws_iot_thing") ? "\"" + id + "\"" : Integer.toString(i);
                s.append(isep).append("{\"index_key\": ").append(index).append(", \"schema_version\": 0, ")
                        .append("\"attributes\": {\"id\": \"").append(id)
                        .append("\", \"tags\": {\"ManagedBy\": \"terraform\"}}, \"sensitive_attributes\": []}");
                isep = ", ";
            }
            s.append("]}");
        }
        return s.append("]}").toString();
    }

    @Override
    public void close() {
        clients.close();
    }
}
