package io.camfleet.console.domain.terraform;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drift hints from a state and what AWS holds, computed by hand. */
class DriftTest {

    private static final Map<String, String> MANAGED = Map.of("ManagedBy", "terraform");

    private static StateResource managed(String address, String type, String id) {
        return new StateResource(address, true, type, id, MANAGED);
    }

    private static TerraformState state(StateResource... resources) {
        return new TerraformState("b", "k", "1.9.8", 7, "l", Instant.EPOCH, List.of(resources));
    }

    @Test
    void resourcesGoneFromAwsAndManagedOnesMissingFromTheStateAreHinted() {
        TerraformState state = state(
                managed("aws_instance.gw[0]", "aws_instance", "i-1"),      // running: fine
                managed("aws_instance.gw[1]", "aws_instance", "i-2"),      // terminated: missing
                managed("aws_instance.gw[2]", "aws_instance", "i-3"),      // AWS does not list it: missing
                managed("aws_ami.os", "aws_ami", "ami-1"),                 // available: fine
                managed("aws_ami_copy.os_us", "aws_ami_copy", "ami-9"),    // not listed: missing, as aws_ami_copy
                managed("aws_iot_thing.cam[\"cam-1\"]", "aws_iot_thing", "cam-1"),
                managed("aws_s3_bucket.footage", "aws_s3_bucket", "footage"), // a type drift does not check
                new StateResource("data.aws_instance.x", false, "aws_instance", "i-404", Map.of()));
        List<LiveResource> live = List.of(
                new LiveResource(LiveKind.INSTANCE, "i-1", "running", MANAGED),
                new LiveResource(LiveKind.INSTANCE, "i-2", "terminated", MANAGED),
                new LiveResource(LiveKind.INSTANCE, "i-7", "stopped", MANAGED),          // not in the state
                new LiveResource(LiveKind.INSTANCE, "i-8", "running", Map.of("Name", "hand-made")), // not managed
                new LiveResource(LiveKind.INSTANCE, "i-6", "terminated", MANAGED),       // gone anyway
                new LiveResource(LiveKind.IMAGE, "ami-1", "available", MANAGED),
                new LiveResource(LiveKind.IMAGE, "ami-2", "available", Map.of("ManagedBy", "packer")), // other value
                new LiveResource(LiveKind.THING, "cam-1", "", MANAGED),
                new LiveResource(LiveKind.THING, "cam-5", "", MANAGED));                  // not in the state

        List<DriftHint> hints = Drift.hints(state, live, ManagedTag.DEFAULT);

        // By hand: missing in AWS = i-2 (terminated), i-3 (unlisted), ami-9 (unlisted); the data source i-404 is
        // Terraform's read, not its own. Not in the state = i-7 and cam-5 (tagged ManagedBy=terraform); i-8 is not
        // tagged, ami-2 has another value, i-6 is terminated. Sorted by kind, type, id.
        assertThat(hints).containsExactly(
                new DriftHint(DriftHint.Kind.MISSING_IN_AWS, "aws_ami_copy", "ami-9", "aws_ami_copy.os_us", ""),
                new DriftHint(DriftHint.Kind.MISSING_IN_AWS, "aws_instance", "i-2", "aws_instance.gw[1]",
                        "terminated"),
                new DriftHint(DriftHint.Kind.MISSING_IN_AWS, "aws_instance", "i-3", "aws_instance.gw[2]", ""),
                new DriftHint(DriftHint.Kind.NOT_IN_STATE, "aws_instance", "i-7", "", "ManagedBy=terraform"),
                new DriftHint(DriftHint.Kind.NOT_IN_STATE, "aws_iot_thing", "cam-5", "", "ManagedBy=terraform"));
    }

    @Test
    void aManagedTagWithoutValueMarksAnyValueOfItsKey() {
        TerraformState state = state(managed("aws_ami.os", "aws_ami", "ami-1"));
        List<LiveResource> live = List.of(
                new LiveResource(LiveKind.IMAGE, "ami-1", "available", Map.of("camfleet:managed", "yes")),
                new LiveResource(LiveKind.IMAGE, "ami-2", "available", Map.of("camfleet:managed", "")),
                new LiveResource(LiveKind.IMAGE, "ami-3", "deregistered", Map.of("camfleet:managed", "yes")),
                new LiveResource(LiveKind.IMAGE, "ami-4", "available", MANAGED));

        // ami-1 is in the state; ami-2 carries the key (empty value); ami-3 is gone; ami-4 lacks the key.
        assertThat(Drift.hints(state, live, ManagedTag.parse("camfleet:managed"))).containsExactly(
                new DriftHint(DriftHint.Kind.NOT_IN_STATE, "aws_ami", "ami-2", "", "camfleet:managed="));
    }

    @Test
    void theSameIdInAnotherKindIsNotAMatch() {
        // a thing named like an instance id does not stand for the instance
        TerraformState state = state(managed("aws_instance.a", "aws_instance", "i-1"));
        List<DriftHint> hints = Drift.hints(state, List.of(new LiveResource(LiveKind.THING, "i-1", "", Map.of())),
                ManagedTag.DEFAULT);
        assertThat(hints).extracting(DriftHint::kind, DriftHint::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.MISSING_IN_AWS, "i-1"));
    }

    @Test
    void aManagedTagIsParsedFromTheSettingsText() {
        assertThat(ManagedTag.parse(" ManagedBy = terraform ")).isEqualTo(new ManagedTag("ManagedBy", "terraform"));
        assertThat(ManagedTag.parse("camfleet:managed")).isEqualTo(new ManagedTag("camfleet:managed", ""));
        assertThat(ManagedTag.parse("a=b=c")).isEqualTo(new ManagedTag("a", "b=c"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ManagedTag.parse("=x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
