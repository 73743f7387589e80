package io.camfleet.console.domain.images;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LineageTest {

    private static MachineImage image(String name, Map<String, String> tags) {
        return new MachineImage("ami-0000000000000001", name, "eu-west-1", Instant.EPOCH, "available", null, tags);
    }

    @Test
    void theLineageTagNamesTheLineageOutright() {
        assertThat(Lineage.of(image("camos-base-2026.11.02", Map.of("camfleet:lineage", "CamOS Edge")),
                ImageTagKeys.DEFAULTS)).isEqualTo("CamOS Edge");
    }

    @Test
    void withoutTheTagTheNameLosesItsTrailingVersion() {
        ImageTagKeys keys = ImageTagKeys.DEFAULTS;
        assertThat(Lineage.of(image("camos-base-2026.11.02", Map.of()), keys)).isEqualTo("camos-base");
        assertThat(Lineage.of(image("camos-base-v12", Map.of()), keys)).isEqualTo("camos-base");
        assertThat(Lineage.of(image("CamOS-Base_20261102T1200", Map.of()), keys)).isEqualTo("camos-base");
        assertThat(Lineage.of(image("camos base 7", Map.of()), keys)).isEqualTo("camos base");
    }

    @Test
    void aNameWithoutATrailingVersionIsItsOwnLineage() {
        assertThat(Lineage.of(image("ubuntu-22.04-camfleet", Map.of()), ImageTagKeys.DEFAULTS))
                .isEqualTo("ubuntu-22.04-camfleet");
        // a name that is all version keeps it whole rather than an empty lineage
        assertThat(Lineage.of(image("2026.11.02", Map.of()), ImageTagKeys.DEFAULTS)).isEqualTo("2026.11.02");
    }

    @Test
    void theSourceTagDoesNotNameALineage() {
        assertThat(Lineage.of(image("edge-3", Map.of("camfleet:source", "ami-0fffffffffffffff0")),
                ImageTagKeys.DEFAULTS)).isEqualTo("edge");
    }

    @Test
    void theLineageTagKeyIsTheOneTheSettingsName() {
        ImageTagKeys keys = new ImageTagKeys("family", "camfleet:source", "os", "patch", "release");
        assertThat(Lineage.of(image("edge-3", Map.of("family", "edge-lts", "camfleet:lineage", "other")), keys))
                .isEqualTo("edge-lts");
    }
}
