package io.camfleet.console.service.reports;

import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The company's logo for a cover: a PNG file, or none when the settings name none. */
final class SalesLogo {

    /** Every PNG file starts with these eight bytes. */
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** A logo is a picture for a cover, not a poster: larger files are refused rather than embedded. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private SalesLogo() {
    }

    /**
     * @param file   the logo file as the settings give it (relative to {@code folder}), or blank for none
     * @return the PNG bytes, or an empty array for none
     * @throws Problem (bad input) naming the file when it is missing, unreadable, too large or not a PNG: a
     *                 proposal printed without the logo the settings ask for would go out looking wrong
     */
    static byte[] read(String file, Path folder) {
        if (file.isBlank()) {
            return new byte[0];
        }
        Path path = folder.resolve(file);
        byte[] png;
        try {
            if (!Files.isRegularFile(path)) {
                throw Problem.badInput("report.sales.logo.missing", path.toString());
            }
            if (Files.size(path) > MAX_BYTES) {
                throw Problem.badInput("report.sales.logo.tooLarge", path.toString(), MAX_BYTES / (1024 * 1024));
            }
            png = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            throw Problem.badInput("report.sales.logo.unreadable", path.toString(),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        if (png.length < PNG_SIGNATURE.length
                || !Arrays.equals(png, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            throw Problem.badInput("report.sales.logo.notPng", path.toString());
        }
        return png;
    }
}
