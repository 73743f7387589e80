package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.terraform.LiveKind;
import io.camfleet.console.domain.terraform.LiveResource;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.terraform.LiveInventory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.iot.model.ListThingsRequest;
import software.amazon.awssdk.services.iot.model.ThingAttribute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an environment holds of the kinds drift is checked for: EC2 instances (DescribeInstances, every state),
 * the account's own images (DescribeImages, owner self) and IoT things (ListThings, whose attributes stand for tags:
 * Terraform's {@code aws_iot_thing} has attributes, not tags). Each list is read page by page.
 */
public final class AwsDriftInventory implements LiveInventory {

    private final Supplier<AwsClients> clients;

    public AwsDriftInventory(Supplier<AwsClients> clients) {
        this.clients = clients;
    }

    @Override
    public List<LiveResource> read(Environment environment) {
        List<LiveResource> live = new ArrayList<>();
        Ec2Client ec2 = clients.get().ec2(environment);
        String operation = "DescribeInstances";
        try {
            for (var page : ec2.describeInstancesPaginator(DescribeInstancesRequest.builder().maxResults(1000)
                    .build())) {
                for (Reservation r : page.reservations()) {
                    for (Instance i : r.instances()) {
                        live.add(new LiveResource(LiveKind.INSTANCE, i.instanceId(),
                                i.state() == null ? "" : i.state().nameAsString(), tags(i.tags())));
                    }
                }
            }
            operation = "DescribeImages";
            for (var page : ec2.describeImagesPaginator(DescribeImagesRequest.builder().owners("self")
                    .maxResults(1000).build())) {
                for (Image image : page.images()) {
                    live.add(new LiveResource(LiveKind.IMAGE, image.imageId(), image.stateAsString(),
                            tags(image.tags())));
                }
            }
            operation = "ListThings";
            for (var page : clients.get().of(environment).iot().listThingsPaginator(ListThingsRequest.builder()
                    .maxResults(250).build())) {
                for (ThingAttribute thing : page.things()) {
                    live.add(new LiveResource(LiveKind.THING, thing.thingName(), "", thing.attributes()));
                }
            }
        } catch (SdkException e) {
            throw AwsProblems.of(environment, operation, e);
        }
        return live;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new HashMap<>();
        for (Tag t : tags) {
            out.put(t.key(), t.value() == null ? "" : t.value());
        }
        return out;
    }
}
