package io.camfleet.console.service.cost;

import io.camfleet.console.service.common.Problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What cost is summed by. */
public enum Grouping {
    /** Cost Explorer's SERVICE dimension. */
    SERVICE,
    /** The site tag of the settings. */
    SITE,
    /** The customer tag of the settings. */
    CUSTOMER,
    /** Not grouped in Cost Explorer: one total per account (the environments reading it). */
    ENVIRONMENT;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The grouping of that CLI name; an unknown name is refused with the valid ones. */
    public static Grouping of(String name) {
        for (Grouping g : values()) {
            if (g.cliName().equalsIgnoreCase(name.strip())) {
                return g;
            }
        }
        throw Problem.badInput("cost.cli.unknownGrouping", name,
                Arrays.stream(values()).map(Grouping::cliName).collect(Collectors.joining(", ")));
    }
}
