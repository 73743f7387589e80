package io.camfleet.console.service.terraform;

import io.camfleet.console.domain.terraform.ManagedTag;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where each environment's Terraform state is and what marks a resource as managed (section {@code terraform} of
 * {@code settings.json}).
 *
 * @param states       the S3 backend of each environment, by environment label; an environment not here has none
 * @param managedTag   the tag (or, on IoT things, the attribute) that marks an AWS resource as Terraform's
 * @param maxStateMb   the largest state object read; a larger one is refused before it is read
 */
public record TerraformSettings(Map<String, StateLocation> states, ManagedTag managedTag, int maxStateMb) {

    public static final TerraformSettings DEFAULTS = new TerraformSettings(Map.of(), ManagedTag.DEFAULT, 256);

    public static final SettingsSection<TerraformSettings> SECTION = SettingsSection.of("terraform", DEFAULTS,
            Stored.class, TerraformSettings::read, TerraformSettings::write);

    public TerraformSettings {
        states = Map.copyOf(states);
        Objects.requireNonNull(managedTag, "managedTag");
    }

    public long maxStateBytes() {
        return maxStateMb * 1024L * 1024L;
    }

    /** The same settings with {@code environment}'s state at {@code location}. */
    public TerraformSettings with(String environment, StateLocation location) {
        Map<String, StateLocation> next = new LinkedHashMap<>(states);
        next.put(environment, location.checked(environment));
        return new TerraformSettings(next, managedTag, maxStateMb);
    }

    private static TerraformSettings read(Stored s) {
        Map<String, StateLocation> states = new LinkedHashMap<>();
        if (s.states != null) {
            s.states.forEach((env, where) -> states.put(env, where == null ? new StateLocation("", "", "")
                    .checked(env) : new StateLocation(where.bucket, where.key, where.region).checked(env)));
        }
        ManagedTag tag;
        try {
            tag = s.managedTag == null ? DEFAULTS.managedTag : ManagedTag.parse(s.managedTag);
        } catch (IllegalArgumentException e) {
            throw Problem.badInput("terraform.settings.badTag", s.managedTag);
        }
        int max = s.maxStateMb == null ? DEFAULTS.maxStateMb : s.maxStateMb;
        if (max < 1 || max > 4096) {
            throw Problem.badInput("terraform.settings.badMax", max);
        }
        return new TerraformSettings(states, tag, max);
    }

    private static Stored write(TerraformSettings v) {
        Map<String, StoredLocation> states = new LinkedHashMap<>();
        v.states.forEach((env, where) -> states.put(env, new StoredLocation(where.bucket(), where.key(),
                where.region())));
        return new Stored(states, v.managedTag.toString(), v.maxStateMb);
    }

    /** As kept in the file. */
    record Stored(Map<String, StoredLocation> states, String managedTag, Integer maxStateMb) {
    }

    record StoredLocation(String bucket, String key, String region) {
    }
}
