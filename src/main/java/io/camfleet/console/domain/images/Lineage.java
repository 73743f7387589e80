package io.camfleet.console.domain.images;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which images are versions of one another. The rule, first that applies:
 * <ol>
 *   <li>the lineage tag ({@code camfleet:lineage} by default), as it is;</li>
 *   <li>the image's name without its trailing version: the last run of a separator ({@code -_. } or none) and an
 *   optional {@code v} followed by digits, dots, dashes, {@code T} and colons ({@code camos-base-2026.11.02},
 *   {@code camos-base-v12}, {@code camos-base-20261102T1200} are all {@code camos-base}), lower-cased;</li>
 *   <li>the whole name, when it has no such version.</li>
 * </ol>
 * The source tag does not name a lineage: it says which image a build started from, which may be another lineage.
 */
public final class Lineage {

    private static final Pattern VERSION = Pattern.compile("[-_. ]?v?\\d[\\d.\\-T:]*$", Pattern.CASE_INSENSITIVE);

    private Lineage() {
    }

    public static String of(MachineImage image, ImageTagKeys keys) {
        String tagged = image.tag(keys.lineage()).strip();
        if (!tagged.isEmpty()) {
            return tagged;
        }
        String stem = VERSION.matcher(image.name().strip()).replaceFirst("");
        return (stem.isEmpty() ? image.name().strip() : stem).toLowerCase(Locale.ROOT);
    }
}
