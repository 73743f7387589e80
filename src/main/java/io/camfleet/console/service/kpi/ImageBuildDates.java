package io.camfleet.console.service.kpi;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Port: when an OS image was built, from the images catalogue (issue 14 brings it). Until a feature registers one,
 * every image's age is unknown and the dashboard groups cameras by image only, saying so.
 */
public interface ImageBuildDates {

    Optional<LocalDate> builtOn(String image);
}
