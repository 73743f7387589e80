package io.camfleet.console.service.reports;

import io.camfleet.console.service.common.SettingsSection;

import java.util.List;

/**
 * How reports look and what sales may show (section {@code reports} of {@code settings.json}).
 *
 * @param company        the company name on covers and footers
 * @param primaryColor   {@code #RRGGBB}: headings, table headers
 * @param accentColor    {@code #RRGGBB}: rules, highlights
 * @param logoFile       a PNG file for the covers, or blank for none
 * @param author         printed as the author; blank for the operator's name
 * @param referenceSites the ids of the sites a proposal may name as references (with their customer); other
 *                       customers' names never appear in a proposal
 * @param priceList      the price list the quotes are computed from, or blank
 * @param terms          the terms printed at the end of a proposal; blank for the standard ones
 */
public record ReportSettings(String company, String primaryColor, String accentColor, String logoFile, String author,
                             List<String> referenceSites, String priceList, String terms) {

    public static final ReportSettings DEFAULTS = new ReportSettings("CamFleet", "#1F4E79", "#2E86C1", "", "",
            List.of(), "", "");

    public static final SettingsSection<ReportSettings> SECTION = SettingsSection.of("reports", DEFAULTS,
            ReportSettings.class, s -> s, s -> s);

    public ReportSettings {
        company = company == null || company.isBlank() ? "CamFleet"
                : company.strip();
        primaryColor = primaryColor == null ? "" : primaryColor.strip();
        accentColor = accentColor == null ? "" : accentColor.strip();
        logoFile = logoFile == null ? "" : logoFile.strip();
        author = author == null ? "" : author.strip();
        referenceSites = referenceSites == null ? List.of() : referenceSites.stream()
                .filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        priceList = priceList == null ? "" : priceList.strip();
        terms = terms == null ? "" : terms;
    }
}
