package io.camfleet.console.domain;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Keeps secrets out of the audit trail: values of secret-looking keys, and values that are key material. */
public final class SecretRedaction {

    public static final String REDACTED = "[redacted]";

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(pass(word|phrase)?|secret|token|credential|private|api[-_]?key|access[-_]?key|session[-_]?key|auth).*");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?s).*(-----BEGIN [A-Z ]*PRIVATE KEY-----|\\bAKIA[0-9A-Z]{16}\\b|\\bASIA[0-9A-Z]{16}\\b).*");

    private SecretRedaction() {
    }

    public static SortedMap<String, String> redact(Map<String, String> parameters) {
        SortedMap<String, String> out = new TreeMap<>();
        if (parameters == null) {
            return out;
        }
        parameters.forEach((k, v) -> out.put(k, isSecret(k, v) ? REDACTED : (v == null ? "" : v)));
        return out;
    }

    static boolean isSecret(String key, String value) {
        return SECRET_KEY.matcher(key).matches() || (value != null && SECRET_VALUE.matcher(value).matches());
    }
}
