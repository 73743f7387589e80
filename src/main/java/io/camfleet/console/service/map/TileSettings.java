package io.camfleet.console.service.map;

import io.camfleet.console.service.common.SettingsSection;

import java.time.Duration;

/**
 * The optional online tile layer, as set in Settings. Off by default.
 *
 * @param urlTemplate an XYZ template with {z}, {x} and {y}, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
 * @param attribution what the provider asks to be shown, e.g. "© OpenStreetMap contributors"
 * @param cacheMegabytes disk cache size cap; the oldest tiles go first
 * @param timeout how long one tile may take before the map gives up on it
 */
public record TileSettings(boolean enabled, String urlTemplate, String attribution, int cacheMegabytes,
                           Duration timeout) {

    public static final TileSettings OFF = new TileSettings(false, "", "", 200, Duration.ofSeconds(5));

    /** The tile layer's part of the settings file: where tiles come from; nothing secret. */
    public static final SettingsSection<TileSettings> SECTION =
            SettingsSection.of("tiles", OFF, Stored.class, Stored::settings, Stored::of);

    public TileSettings {
        urlTemplate = urlTemplate == null ? "" : urlTemplate.strip();
        attribution = attribution == null ? "" : attribution.strip();
        cacheMegabytes = Math.max(1, cacheMegabytes);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
    }

    /** The URL of one tile. */
    public String url(int zoom, int x, int y) {
        return urlTemplate.replace("{z}", Integer.toString(zoom)).replace("{x}", Integer.toString(x))
                .replace("{y}", Integer.toString(y));
    }

    /** Whether the template is an http(s) URL with all three placeholders. */
    public boolean hasValidTemplate() {
        return (urlTemplate.startsWith("http://") || urlTemplate.startsWith("https://"))
                && urlTemplate.contains("{z}") && urlTemplate.contains("{x}") && urlTemplate.contains("{y}");
    }

    /** As kept in the file; what it lacks is as {@link #OFF} has it. */
    record Stored(Boolean enabled, String urlTemplate, String attribution, Integer cacheMegabytes,
                  Long timeoutMillis) {

        static Stored of(TileSettings t) {
            return new Stored(t.enabled, t.urlTemplate, t.attribution, t.cacheMegabytes, t.timeout.toMillis());
        }

        TileSettings settings() {
            return new TileSettings(enabled != null && enabled, urlTemplate, attribution,
                    cacheMegabytes == null ? OFF.cacheMegabytes : cacheMegabytes,
                    timeoutMillis == null ? OFF.timeout : Duration.ofMillis(Math.max(100, timeoutMillis)));
        }
    }
}
