package io.camfleet.console.domain.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared reading of {@code "3"} and {@code "10%"} for {@link HostCount} and {@link FailureThreshold}. */
record ParsedCount(int value, CountUnit unit) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(%?)");

    static ParsedCount parse(String text, String what) {
        String trimmed = text == null ? "" : text.strip();
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("The " + what + " '" + trimmed
                    + "' is not understood: write a whole number of hosts such as 3, or a percentage such as 10%.");
        }
        int value = Integer.parseInt(m.group(1));
        CountUnit unit = m.group(2).isEmpty() ? CountUnit.HOSTS : CountUnit.PERCENT;
        if (unit == CountUnit.PERCENT && value > 100) {
            throw new IllegalArgumentException("The " + what + " '" + trimmed
                    + "' is more than 100%: write a percentage between 0% and 100%.");
        }
        return new ParsedCount(value, unit);
    }
}
