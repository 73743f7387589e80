package io.camfleet.console.service.diagnostics;

import java.util.HashSet;
import java.util.Set;

/**
 * Names inside a bundle, from names a camera gives: whatever a remote file is called, its entry stays inside the
 * zip's folder (no {@code ..}, no absolute path, no separator) and its line in the manifest stays one line.
 */
final class BundleNames {

    private final Set<String> taken = new HashSet<>();

    /** Whether a listed name can be read at all: one component of a path, as a file system has them. */
    static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }

    /** One component as a zip entry may hold it: letters, digits and {@code . _ - + @ = ,}; anything else is _. */
    static String component(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.append(c < 128 && (Character.isLetterOrDigit(c) || "._-+@=,".indexOf(c) >= 0)
                ? (char) c : '_'));
        String s = out.toString();
        return s.isEmpty() || s.chars().allMatch(c -> c == '.') ? "_" + s : s;
    }

    /** An entry name not used before in this bundle: {@code ~2}, {@code ~3}... added when two names came out alike. */
    String unique(String entry) {
        String candidate = entry;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = entry + "~" + n;
        }
        return candidate;
    }

    /** A name as the manifest shows it: on one line, control characters and backslashes escaped. */
    static String shown(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
