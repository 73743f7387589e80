package io.camfleet.console.domain.deploy;

/**
 * A number of hosts, given as a count ({@code 5}) or as a percentage of the targets ({@code 10%}): the size of a
 * canary or of a wave.
 *
 * <p>A percentage rounds <em>up</em> and gives at least one host ({@link #hostsOf}): 10% of 5 hosts is 1 host, 30% of
 * 10 hosts is 3, 25% of 10 is 3. (Ansible's {@code serial: "30%"} rounds down with a minimum of one; rounding up
 * never makes a wave of zero and keeps the number of waves no larger than 100 / percent.)
 */
public record HostCount(int value, CountUnit unit) {

    /** No hosts: for a strategy without a canary. */
    public static final HostCount NONE = new HostCount(0, CountUnit.HOSTS);

    public HostCount {
        if (unit == null) {
            throw new IllegalArgumentException("A host count needs a unit: hosts or percent.");
        }
        if (value < 0) {
            throw new IllegalArgumentException("A host count cannot be negative: " + value + ".");
        }
        if (unit == CountUnit.PERCENT && value > 100) {
            throw new IllegalArgumentException("A percentage of hosts must be between 0% and 100%, not " + value + "%.");
        }
    }

    public static HostCount hosts(int count) {
        return new HostCount(count, CountUnit.HOSTS);
    }

    public static HostCount percent(int percent) {
        return new HostCount(percent, CountUnit.PERCENT);
    }

    /**
     * Reads {@code "5"} (hosts) or {@code "10%"} (percent of the targets).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static HostCount parse(String text) {
        ParsedCount parsed = ParsedCount.parse(text, "host count");
        return new HostCount(parsed.value(), parsed.unit());
    }

    public boolean isNone() {
        return value == 0;
    }

    /**
     * How many of {@code total} targets this is: a count is capped at the total; a non-zero percentage rounds up
     * and gives at least one host (when there is one).
     */
    public int hostsOf(int total) {
        if (total < 0) {
            throw new IllegalArgumentException("The number of targets cannot be negative: " + total + ".");
        }
        if (unit == CountUnit.HOSTS) {
            return Math.min(value, total);
        }
        if (value == 0 || total == 0) {
            return 0;
        }
        int roundedUp = (int) ((value * (long) total + 99) / 100);
        return Math.max(1, Math.min(roundedUp, total));
    }

    @Override
    public String toString() {
        return unit == CountUnit.PERCENT ? value + "%" : Integer.toString(value);
    }
}
