package io.camfleet.console.domain.fleet;

/** The availability a customer pays for at a site. */
public enum SlaTier {
    PLATINUM(99.99),
    GOLD(99.95),
    SILVER(99.9),
    BRONZE(99.5);

    private final double targetPercent;

    SlaTier(double targetPercent) {
        this.targetPercent = targetPercent;
    }

    public double targetPercent() {
        return targetPercent;
    }
}
