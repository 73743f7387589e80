package io.camfleet.console.service.findings;

import io.camfleet.console.service.common.SettingsSection;

import java.util.List;
import java.util.Locale;

/**
 * Where findings come from (section {@code findings} of {@code settings.json}).
 *
 * @param inspectorEnvironments the labels of the AWS environments whose Amazon Inspector is read; Inspector is off
 *                              for the others (their findings come from imported files)
 */
public record FindingsSettings(List<String> inspectorEnvironments) {

    public static final FindingsSettings DEFAULTS = new FindingsSettings(List.of());

    public static final SettingsSection<FindingsSettings> SECTION = SettingsSection.of("findings", DEFAULTS,
            Stored.class, FindingsSettings::read, FindingsSettings::write);

    public FindingsSettings {
        inspectorEnvironments = inspectorEnvironments == null ? List.of() : inspectorEnvironments.stream()
                .filter(l -> l != null && !l.isBlank()).map(String::strip).distinct().toList();
    }

    public boolean inspector(String environmentLabel) {
        String label = environmentLabel.strip().toLowerCase(Locale.ROOT);
        return inspectorEnvironments.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals(label));
    }

    private static FindingsSettings read(Stored s) {
        return new FindingsSettings(s.inspectorEnvironments);
    }

    private static Stored write(FindingsSettings v) {
        return new Stored(v.inspectorEnvironments);
    }

    /** As kept in the file. */
    record Stored(List<String> inspectorEnvironments) {
    }
}
