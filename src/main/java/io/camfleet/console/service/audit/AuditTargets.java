package io.camfleet.console.service.audit;

import java.util.Collection;

/** Which sites and cameras an audit event's target names: its words, told apart from longer ids they start. */
public final class AuditTargets {

    private AuditTargets() {
    }

    /**
     * Whether {@code target} names one of {@code names} as a whole word: not inside a longer id, so that "cam-1" is
     * not found in "cam-12" nor in "xcam-1".
     */
    public static boolean names(String target, Collection<String> names) {
        for (String name : names) {
            if (!name.isEmpty() && names(target, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(String target, String name) {
        for (int at = target.indexOf(name); at >= 0; at = target.indexOf(name, at + 1)) {
            int end = at + name.length();
            if ((at == 0 || !idChar(target.charAt(at - 1))) && (end == target.length() || !idChar(target.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** What ids are made of: letters, digits, '-', '_' and '.'; anything else separates two words. */
    private static boolean idChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }
}
