package io.camfleet.console.service.backup;

import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.TakenFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A version as one zip, as it is copied to S3: its files under their paths, and {@code VERSION.txt} naming the camera,
 * the version, when it was taken and its checksum, so that a zip found alone says what it is.
 */
final class VersionZip {

    static final String MANIFEST = "VERSION.txt";

    private VersionZip() {
    }

    static byte[] of(BackupVersion v, List<TakenFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(("camera " + v.cameraId() + "\nversion " + v.number() + "\ntaken " + v.takenAt()
                    + "\nchecksum " + v.checksum() + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (TakenFile f : files) {
                zip.putNextEntry(new ZipEntry("config/" + f.file().path()));
                zip.write(f.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
        return bytes.toByteArray();
    }
}
