package io.camfleet.console.domain.terraform;

import java.util.Map;
import java.util.Objects;

/**
 * The tag that marks an AWS resource as managed by Terraform, e.g. {@code ManagedBy=terraform}; with no value
 * ({@code camfleet:managed}) any value of the key marks it.
 *
 * @param key   the tag key
 * @param value the value it must have; "" for any
 */
public record ManagedTag(String key, String value) {

    public static final ManagedTag DEFAULT = new ManagedTag("ManagedBy", "terraform");

    public ManagedTag {
        key = Objects.requireNonNull(key, "key").strip();
        value = Objects.requireNonNullElse(value, "").strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("A managed tag needs a key");
        }
    }

    /**
     * {@code KEY=VALUE} or {@code KEY}, as the settings hold it.
     *
     * @throws IllegalArgumentException when there is no key
     */
    public static ManagedTag parse(String text) {
        String t = Objects.requireNonNullElse(text, "").strip();
        int eq = t.indexOf('=');
        return eq < 0 ? new ManagedTag(t, "") : new ManagedTag(t.substring(0, eq), t.substring(eq + 1));
    }

    public boolean marks(Map<String, String> tags) {
        String v = tags.get(key);
        return v != null && (value.isEmpty() || value.equals(v));
    }

    @Override
    public String toString() {
        return value.isEmpty() ? key : key + "=" + value;
    }
}
