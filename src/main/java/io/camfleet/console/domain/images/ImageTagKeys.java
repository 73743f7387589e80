package io.camfleet.console.domain.images;

import java.util.Objects;

/**
 * The tag keys the console reads on images (the operators choose them in settings, section {@code images}).
 *
 * @param lineage    names the image's lineage outright, e.g. {@code camos-base}
 * @param source     the id of the image it was built from or copied from
 * @param os         its operating system
 * @param patchLevel its patch level, e.g. {@code 2026-11}
 * @param release    the camera software release it carries
 */
public record ImageTagKeys(String lineage, String source, String os, String patchLevel, String release) {

    public static final ImageTagKeys DEFAULTS = new ImageTagKeys("camfleet:lineage", "camfleet:source", "camfleet:os",
            "camfleet:patch-level", "camfleet:release");

    public ImageTagKeys {
        Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(patchLevel, "patchLevel");
        Objects.requireNonNull(release, "release");
    }
}
