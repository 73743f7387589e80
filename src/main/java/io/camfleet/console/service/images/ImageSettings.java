package io.camfleet.console.service.images;

import io.camfleet.console.domain.images.ImageTagKeys;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The image catalogue's settings (section {@code images} of {@code settings.json}).
 *
 * @param outdated          when an image is outdated
 * @param tagFilters        {@code key=value} tags that bring images into the catalogue besides the account's own
 *                          (shared images, say); {@code key=*} for any value
 * @param copyRegions       the other regions of every environment where copies are looked for and copied to
 * @param keys              the tag keys read on images
 * @param buildTimeoutMinutes how long a build may take to become available before the console stops waiting
 */
public record ImageSettings(OutdatedRule outdated, List<String> tagFilters, List<String> copyRegions,
                            ImageTagKeys keys, int buildTimeoutMinutes) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern FILTER = Pattern.compile("[^=\\s][^=]{0,127}=[^=]{0,255}");

    public static final ImageSettings DEFAULTS = new ImageSettings(OutdatedRule.DEFAULTS, List.of(), List.of(),
            ImageTagKeys.DEFAULTS, 60);

    public static final SettingsSection<ImageSettings> SECTION = SettingsSection.of("images", DEFAULTS,
            Stored.class, ImageSettings::read, ImageSettings::write);

    public ImageSettings {
        Objects.requireNonNull(outdated, "outdated");
        Objects.requireNonNull(keys, "keys");
        tagFilters = List.copyOf(tagFilters);
        copyRegions = List.copyOf(copyRegions);
    }

    private static ImageSettings read(Stored s) {
        ImageSettings d = DEFAULTS;
        int maxAge = s.maxAgeDays == null ? d.outdated.maxAgeDays() : s.maxAgeDays;
        if (maxAge < 0 || maxAge > 36_500) {
            throw Problem.badInput("images.settings.maxAge", maxAge);
        }
        List<String> filters = s.tagFilters == null ? d.tagFilters : s.tagFilters.stream().map(String::strip).toList();
        for (String f : filters) {
            if (!FILTER.matcher(f).matches()) {
                throw Problem.badInput("images.settings.tagFilter", f);
            }
        }
        List<String> regions = s.copyRegions == null ? d.copyRegions
                : s.copyRegions.stream().map(String::strip).distinct().toList();
        for (String r : regions) {
            if (!REGION.matcher(r).matches()) {
                throw Problem.badInput("images.settings.region", r);
            }
        }
        int timeout = s.buildTimeoutMinutes == null ? d.buildTimeoutMinutes : s.buildTimeoutMinutes;
        if (timeout < 1 || timeout > 24 * 60) {
            throw Problem.badInput("images.settings.timeout", timeout);
        }
        ImageTagKeys k = d.keys;
        ImageTagKeys keys = new ImageTagKeys(key(s.lineageTag, k.lineage()), key(s.sourceTag, k.source()),
                key(s.osTag, k.os()), key(s.patchLevelTag, k.patchLevel()), key(s.releaseTag, k.release()));
        return new ImageSettings(new OutdatedRule(maxAge,
                s.newerInLineage == null ? d.outdated.newerInLineage() : s.newerInLineage), filters, regions, keys,
                timeout);
    }

    private static String key(String stored, String otherwise) {
        String k = stored == null ? otherwise : stored.strip();
        if (k.isEmpty() || k.length() > 128) {
            throw Problem.badInput("images.settings.tagKey", k);
        }
        return k;
    }

    private static Stored write(ImageSettings v) {
        return new Stored(v.outdated.maxAgeDays(), v.outdated.newerInLineage(), v.tagFilters, v.copyRegions,
                v.keys.lineage(), v.keys.source(), v.keys.os(), v.keys.patchLevel(), v.keys.release(),
                v.buildTimeoutMinutes);
    }

    /** As kept in the file. */
    record Stored(Integer maxAgeDays, Boolean newerInLineage, List<String> tagFilters, List<String> copyRegions,
                  String lineageTag, String sourceTag, String osTag, String patchLevelTag, String releaseTag,
                  Integer buildTimeoutMinutes) {
    }
}
