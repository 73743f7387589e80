package io.camfleet.console.domain.images;

import java.util.List;

/**
 * One image of an environment's catalogue, with what the console knows around it.
 *
 * @param environment the environment's label
 * @param image       the image in the environment's own region
 * @param lineage     its lineage ({@link Lineage})
 * @param copies      the other regions holding a copy of it, sorted
 * @param usage       who runs it
 * @param verdict     whether it is outdated, and why
 */
public record CatalogueEntry(String environment, MachineImage image, String lineage, List<String> copies,
                             ImageUsage usage, OutdatedRule.Verdict verdict) {

    public CatalogueEntry {
        copies = List.copyOf(copies);
    }
}
