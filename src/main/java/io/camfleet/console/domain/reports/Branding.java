package io.camfleet.console.domain.reports;

import java.util.Objects;

/**
 * How the documents look as the company's own: its name, colours ({@code #RRGGBB}) and logo.
 *
 * @param logoPng the logo as PNG bytes, or an empty array for none
 */
public record Branding(String company, String primaryColor, String accentColor, byte[] logoPng) {

    public static final Branding DEFAULT = new Branding("CamFleet", "#1F4E79", "#2E86C1", new byte[0]);

    public Branding {
        company = company == null || company.isBlank() ? "CamFleet" : company.strip();
        primaryColor = colour(primaryColor, "#1F4E79");
        accentColor = colour(accentColor, "#2E86C1");
        logoPng = logoPng == null ? new byte[0] : logoPng;
    }

    private static String colour(String value, String fallback) {
        return value != null && value.strip().matches("#[0-9A-Fa-f]{6}") ? value.strip().toUpperCase() : fallback;
    }

    public boolean hasLogo() {
        return logoPng.length > 0;
    }

    /** The colour as red, green and blue, 0..255. */
    public static int[] rgb(String colour) {
        Objects.requireNonNull(colour, "colour");
        int v = Integer.parseInt(colour.substring(1), 16);
        return new int[]{(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF};
    }
}
