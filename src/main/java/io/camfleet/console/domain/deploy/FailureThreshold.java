package io.camfleet.console.domain.deploy;

/**
 * How many failed targets a deployment tolerates, as a count or as a percentage of the targets. Failed, rolled back
 * and unreachable ({@link TargetState#isFailure()}) targets count; skipped ones are successes.
 *
 * <p>"More than" semantics, as AWS Systems Manager's {@code MaxErrors} and Ansible's {@code max_fail_percentage}:
 * the threshold is exceeded when the failures are <em>more than</em> it, never when they equal it.
 * <ul>
 *   <li>Count N: exceeded when {@code failures > N}. SSM: "If you specify 3 … the system stops … when the fourth
 *       error is received. If you specify 0, then the system stops … after the first error result is returned"
 *       (SendCommand / StartAutomationExecution {@code MaxErrors}, AWS API reference).</li>
 *   <li>Percent P of T targets: exceeded when {@code failures / T > P / 100}, compared exactly (here as
 *       {@code failures * 100 > P * T} in integers), with no rounding of the allowed count. This is Ansible's test in
 *       its linear strategy, {@code (len(failed_hosts) / batch_size) > max_fail_percentage / 100.0}, whose docs
 *       say the percentage "must be exceeded, not equaled". SSM documents only whole examples ("50 … and
 *       10% … stops when the sixth error is received"); the exact comparison reproduces them and is the same as
 *       allowing {@code floor(P * T / 100)} failures. So on a small wave a percentage tolerates fewer hosts than
 *       it might seem: 10% of 5 hosts allows none (1 of 5 is 20%), 49% of 4 allows one, 50% of 4 allows two.</li>
 * </ul>
 * 0% tolerates no failure; 100% is never exceeded.
 */
public record FailureThreshold(int value, CountUnit unit) {

    /** The strictest threshold: the first failure stops new dispatches (SSM's default MaxErrors of 0). */
    public static final FailureThreshold NONE_TOLERATED = new FailureThreshold(0, CountUnit.HOSTS);

    public FailureThreshold {
        if (unit == null) {
            throw new IllegalArgumentException("A failure threshold needs a unit: hosts or percent.");
        }
        if (value < 0) {
            throw new IllegalArgumentException("A failure threshold cannot be negative: " + value + ".");
        }
        if (unit == CountUnit.PERCENT && value > 100) {
            throw new IllegalArgumentException(
                    "A failure threshold must be between 0% and 100%, not " + value + "%.");
        }
    }

    public static FailureThreshold count(int failures) {
        return new FailureThreshold(failures, CountUnit.HOSTS);
    }

    public static FailureThreshold percent(int percent) {
        return new FailureThreshold(percent, CountUnit.PERCENT);
    }

    /**
     * Reads {@code "3"} (failed hosts) or {@code "10%"} (percent of the targets).
     *
     * @throws IllegalArgumentException naming the text when it is neither
     */
    public static FailureThreshold parse(String text) {
        ParsedCount parsed = ParsedCount.parse(text, "failure threshold");
        return new FailureThreshold(parsed.value(), parsed.unit());
    }

    /** Whether {@code failures} out of {@code total} targets is more than this threshold allows. */
    public boolean exceeded(int failures, int total) {
        if (failures < 0 || total < 0 || failures > total) {
            throw new IllegalArgumentException(
                    "Failures must be between 0 and the number of targets: " + failures + " of " + total + ".");
        }
        if (unit == CountUnit.HOSTS) {
            return failures > value;
        }
        return failures * 100L > (long) value * total;
    }

    /**
     * How many more failures {@code total} targets tolerate after {@code failures}: the largest n for which
     * {@code failures + n} is not {@link #exceeded}, 0 once exceeded. What an executor that counts errors by
     * itself (SSM's {@code MaxErrors}, per command) must be given so that it stops where this threshold would.
     */
    public int tolerated(int failures, int total) {
        if (failures < 0 || total < 0 || failures > total) {
            throw new IllegalArgumentException(
                    "Failures must be between 0 and the number of targets: " + failures + " of " + total + ".");
        }
        long allowed = unit == CountUnit.HOSTS ? value : (long) value * total / 100;
        return (int) Math.max(0, Math.min(allowed, total) - failures);
    }

    @Override
    public String toString() {
        return unit == CountUnit.PERCENT ? value + "%" : Integer.toString(value);
    }
}
