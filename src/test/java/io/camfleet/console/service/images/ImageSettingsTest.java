package io.camfleet.console.service.images;

import io.camfleet.console.domain.images.ImageTagKeys;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ImageSettingsTest {

    private static ImageSettings.Stored stored(Integer maxAge, List<String> filters, List<String> regions,
                                               String lineageTag, Integer timeout) {
        return new ImageSettings.Stored(maxAge, null, filters, regions, lineageTag, null, null, null, null, timeout);
    }

    @Test
    void missingValuesAreTheDefaultsAndAWrittenSectionReadsBackTheSame() {
        assertThat(ImageSettings.SECTION.read(stored(null, null, null, null, null))).isEqualTo(ImageSettings.DEFAULTS);
        ImageSettings mine = new ImageSettings(new OutdatedRule(30, false), List.of("team=video", "shared=*"),
                List.of("us-east-1", "eu-central-1"), new ImageTagKeys("family", "from", "os", "patch", "rel"), 90);
        assertThat(ImageSettings.SECTION.read(ImageSettings.SECTION.write(mine))).isEqualTo(mine);
    }

    @Test
    void aBadFilterRegionAgeTagKeyOrTimeoutIsRefusedWithASentence() {
        Messages m = new Messages(Locale.ENGLISH);
        Problem filter = catchThrowableOfType(Problem.class,
                () -> ImageSettings.SECTION.read(stored(null, List.of("team"), null, null, null)));
        assertThat(m.text(filter)).isEqualTo("The image settings hold the tag filter 'team', which is not usable: "
                + "write it as key=value, or key=* for any value.");
        assertThat(catchThrowableOfType(Problem.class,
                () -> ImageSettings.SECTION.read(stored(null, null, List.of("Ireland"), null, null))).key())
                .isEqualTo("images.settings.region");
        assertThat(catchThrowableOfType(Problem.class,
                () -> ImageSettings.SECTION.read(stored(-1, null, null, null, null))).key())
                .isEqualTo("images.settings.maxAge");
        assertThat(catchThrowableOfType(Problem.class,
                () -> ImageSettings.SECTION.read(stored(null, null, null, " ", null))).key())
                .isEqualTo("images.settings.tagKey");
        assertThat(catchThrowableOfType(Problem.class,
                () -> ImageSettings.SECTION.read(stored(null, null, null, null, 0))).key())
                .isEqualTo("images.settings.timeout");
    }
}
