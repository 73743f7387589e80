package io.camfleet.console.ui.estate;

import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageTagKeys;
import io.camfleet.console.domain.images.MachineImage;

import java.time.Instant;
import java.util.Locale;

/**
 * One line of the images table, worked out off the FX thread when a catalogue is loaded, so that 5,000 of them cost
 * the FX thread no more than drawing the cells: the tag values, the age, the regions and the text the search looks in.
 *
 * @param entry      the catalogue's entry
 * @param ageDays    whole days since it was created, at load
 * @param os         its OS tag ("" when untagged)
 * @param patchLevel its patch-level tag
 * @param release    its release tag
 * @param copies     the other regions holding a copy, e.g. {@code us-east-1, ap-southeast-2}; "" when none
 * @param deprecated whether EC2 has deprecated it already (at load)
 * @param haystack   what the search looks in: name, id, lineage and tag values, lower-cased
 */
record ImageRow(CatalogueEntry entry, long ageDays, String os, String patchLevel, String release, String copies,
                boolean deprecated, String haystack) {

    static ImageRow of(CatalogueEntry e, ImageTagKeys keys, Instant now) {
        MachineImage i = e.image();
        StringBuilder hay = new StringBuilder().append(i.name()).append('\n').append(i.id()).append('\n')
                .append(e.lineage());
        i.tags().forEach((k, v) -> hay.append('\n').append(k).append('=').append(v));
        String copies = String.join(", ", e.copies());
        hay.append('\n').append(copies);
        return new ImageRow(e, i.ageDays(now), i.tag(keys.os()), i.tag(keys.patchLevel()), i.tag(keys.release()),
                copies, i.deprecated(now), hay.toString().toLowerCase(Locale.ROOT));
    }

    String id() {
        return entry.image().id();
    }

    String name() {
        return entry.image().name();
    }

    boolean outdated() {
        return entry.verdict().outdated();
    }

    int cameras() {
        return entry.usage().cameras().size();
    }

    int instances() {
        return entry.usage().instances().size();
    }

    /** Every word of the (lower-cased) search is somewhere in it. */
    boolean matches(String[] words) {
        for (String w : words) {
            if (!haystack.contains(w)) {
                return false;
            }
        }
        return true;
    }
}
