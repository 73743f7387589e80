package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.Fact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compliance report's cover: the period, the fleet's size and when it was generated, branded from the report
 * settings. A logo that cannot be printed (missing, unreadable, not a PNG, too large) leaves the cover without one,
 * and a line of the cover says why: the report is still worth having, and nobody is left wondering.
 */
final class ComplianceCover {

    /** The largest logo read: a cover logo is small, and a huge file is surely the wrong one. */
    static final long MAX_LOGO_BYTES = 2L * 1024 * 1024;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ComplianceCover() {
    }

    static Cover cover(ComplianceContext c, ComplianceSources sources, ReportSettings settings) {
        List<Fact> facts = new ArrayList<>();
        facts.add(c.fact("report.compliance.cover.period", c.t("report.compliance.cover.period.value",
                c.from().toString(), c.to().toString())));
        facts.add(c.fact("report.compliance.cover.fleet", c.t("report.compliance.cover.fleet.value",
                c.fleet().siteCount(), c.fleet().cameraCount())));
        facts.add(c.fact("report.compliance.cover.generated", c.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        byte[] logo = new byte[0];
        if (!settings.logoFile().isEmpty()) {
            try {
                logo = logo(sources.folder(), settings.logoFile());
            } catch (BadLogo e) {
                facts.add(c.fact("report.compliance.cover.logo", c.t(e.getMessage(), settings.logoFile())));
            }
        }
        String author = settings.author().isEmpty() ? sources.audit().operator().osUser() : settings.author();
        return new Cover(c.t("report.compliance.cover.title"), c.t("report.compliance.cover.period.value",
                c.from().toString(), c.to().toString()), c.t("report.compliance.cover.preparedFor"), author,
                LocalDate.ofInstant(c.now(), ZoneOffset.UTC),
                new Branding(settings.company(), settings.primaryColor(), settings.accentColor(), logo), facts);
    }

    /** Why a logo was left out, as the key of its sentence. */
    private static final class BadLogo extends Exception {
        BadLogo(String key) {
            super(key, null, false, false);
        }
    }

    private static byte[] logo(Path folder, String file) throws BadLogo {
        Path path;
        try {
            path = folder.resolve(file);
        } catch (InvalidPathException e) {
            throw new BadLogo("report.compliance.logo.missing");
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw new BadLogo("report.compliance.logo.missing");
            }
            if (Files.size(path) > MAX_LOGO_BYTES) {
                throw new BadLogo("report.compliance.logo.tooLarge");
            }
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length < PNG.length || !Arrays.equals(bytes, 0, PNG.length, PNG, 0, PNG.length)) {
                throw new BadLogo("report.compliance.logo.notPng");
            }
            return bytes;
        } catch (IOException e) {
            throw new BadLogo("report.compliance.logo.unreadable");
        }
    }
}
