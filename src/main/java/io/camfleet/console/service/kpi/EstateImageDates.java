package io.camfleet.console.service.kpi;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.MachineImage;
import io.camfleet.console.service.estate.EstateCache;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Build dates of the images last read from AWS, per environment, as the AWS estate screen's Images tab keeps them
 * (kind {@value #KIND}): a KPI never asks AWS itself. A camera's {@code image} is an AMI id or an image name, so both
 * are known. An image of the same name in two environments is dated by its oldest: a copy keeps its original's name
 * and is younger than the build it copies.
 */
public final class EstateImageDates implements ImageBuildDates {

    /** The kind of snapshot the images catalogue is kept under in the {@link EstateCache}. */
    public static final String KIND = "images";
    static final TypeReference<List<CatalogueEntry>> CATALOGUE = new TypeReference<>() {
    };

    private final Map<String, LocalDate> built;

    private EstateImageDates(Map<String, LocalDate> built) {
        this.built = built;
    }

    /** Reads the catalogues last kept for {@code environments} (labels); one never read adds nothing. */
    public static EstateImageDates read(EstateCache cache, Collection<String> environments) {
        Map<String, LocalDate> built = new HashMap<>();
        for (String environment : environments) {
            cache.last(environment, KIND, CATALOGUE).ifPresent(c -> {
                for (CatalogueEntry e : c.value()) {
                    MachineImage i = e.image();
                    LocalDate day = LocalDate.ofInstant(i.created(), ZoneOffset.UTC);
                    built.merge(i.id(), day, EstateImageDates::older);
                    if (!i.name().isBlank()) {
                        built.merge(i.name(), day, EstateImageDates::older);
                    }
                }
            });
        }
        return new EstateImageDates(built);
    }

    private static LocalDate older(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    @Override
    public Optional<LocalDate> builtOn(String image) {
        return image == null ? Optional.empty() : Optional.ofNullable(built.get(image.strip()));
    }

    /** How many images (ids and names) have a known build date. */
    public int known() {
        return built.size();
    }
}
