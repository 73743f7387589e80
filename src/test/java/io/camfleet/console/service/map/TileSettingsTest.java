package io.camfleet.console.service.map;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The online tile layer's settings: what a template means, and what a settings file without some fields gives. */
class TileSettingsTest {

    @Test
    void aTileUrlFillsInZoomColumnAndRow() {
        TileSettings t = new TileSettings(true, " https://t.example/{z}/{x}/{y}.png ", " © T ", 50, null);
        assertThat(t.url(7, 65, 42)).isEqualTo("https://t.example/7/65/42.png");
        assertThat(t.urlTemplate()).isEqualTo("https://t.example/{z}/{x}/{y}.png");
        assertThat(t.attribution()).isEqualTo("© T");
        assertThat(t.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aTemplateIsValidOnlyOverHttpWithAllThreePlaceholders() {
        assertThat(template("https://t.example/{z}/{x}/{y}.png").hasValidTemplate()).isTrue();
        assertThat(template("http://t.example/{z}/{x}/{y}.png").hasValidTemplate()).isTrue();
        assertThat(template("ftp://t.example/{z}/{x}/{y}.png").hasValidTemplate()).isFalse();
        assertThat(template("https://t.example/{x}/{y}.png").hasValidTemplate()).isFalse();
        assertThat(template("https://t.example/{z}/{y}.png").hasValidTemplate()).isFalse();
        assertThat(template("https://t.example/{z}/{x}.png").hasValidTemplate()).isFalse();
        assertThat(template(null).hasValidTemplate()).isFalse();
        assertThat(template(null).urlTemplate()).isEmpty();
        assertThat(new TileSettings(false, "", null, 0, Duration.ofSeconds(2)).attribution()).isEmpty();
    }

    private static TileSettings template(String url) {
        return new TileSettings(true, url, "T", 10, Duration.ofSeconds(1));
    }

    @Test
    void theDiskCacheIsAtLeastOneMegabyte() {
        assertThat(new TileSettings(true, "", "", 0, null).cacheMegabytes()).isEqualTo(1);
        assertThat(new TileSettings(true, "", "", -5, null).cacheMegabytes()).isEqualTo(1);
        assertThat(new TileSettings(true, "", "", 2, null).cacheMegabytes()).isEqualTo(2);
    }

    @Test
    void whatASettingsFileLacksIsAsOffHasItAndATimeoutIsAtLeastATenthOfASecond() {
        TileSettings t = new TileSettings(true, "https://t.example/{z}/{x}/{y}.png", "T", 30, Duration.ofMillis(1500));
        assertThat(TileSettings.Stored.of(t).settings()).isEqualTo(t);
        assertThat(TileSettings.Stored.of(t).timeoutMillis()).isEqualTo(1500L);

        TileSettings empty = new TileSettings.Stored(null, null, null, null, null).settings();
        assertThat(empty).isEqualTo(TileSettings.OFF);
        assertThat(empty.enabled()).isFalse();
        assertThat(empty.cacheMegabytes()).isEqualTo(200);
        assertThat(new TileSettings.Stored(false, "", "", 5, 20L).settings().timeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(new TileSettings.Stored(true, "", "", 5, 250L).settings().timeout())
                .isEqualTo(Duration.ofMillis(250));
        assertThat(new TileSettings.Stored(true, "", "", 5, 250L).settings().enabled()).isTrue();
    }
}
