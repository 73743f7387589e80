package io.camfleet.console.service.diagnostics;

import io.camfleet.console.domain.text.SecretRedaction;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.HostSession;
import io.camfleet.console.service.deploy.RemoteEntry;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Walks a camera's folders over SFTP and writes what it finds into a zip, within the bundle's limits: each file at
 * most {@code maxFileBytes} (a longer one keeps its end: a log's newest lines, where the failure is), all together at
 * most {@code maxBundleBytes} read from the camera. Symbolic links are never followed, folders are walked to
 * {@link #MAX_DEPTH} and at most {@link #MAX_ENTRIES} entries are listed. Config files are redacted line by line.
 * What is left out is in the manifest, with why.
 */
final class BundleWriter {

    /** Folders below a collected folder walked at most this deep: a camera's logs are not a file system to crawl. */
    static final int MAX_DEPTH = 8;
    /** At most this many entries listed in all, whatever the folders hold. */
    static final int MAX_ENTRIES = 10_000;

    private final HostSession session;
    private final DiagnosticsSettings settings;
    private final ZipOutputStream zip;
    private final BundleManifest manifest;
    private final Progress progress;
    private final BundleNames names = new BundleNames();
    private long budget;
    private int listed;

    BundleWriter(HostSession session, DiagnosticsSettings settings, ZipOutputStream zip, BundleManifest manifest,
                 Progress progress) {
        this.session = session;
        this.settings = settings;
        this.zip = zip;
        this.manifest = manifest;
        this.progress = progress;
        this.budget = settings.maxBundleBytes();
    }

    /** The config folder first (small, and what a vendor asks for first), then the log folders. */
    void collect() throws IOException {
        walk(settings.configFolder(), entryPath(settings.configFolder()), 0, true);
        for (String folder : settings.logFolders()) {
            walk(folder, entryPath(folder), 0, false);
        }
    }

    /** A folder's path on the camera as a path in the zip: its components, made safe, without the leading /. */
    private static String entryPath(String remote) {
        List<String> parts = new ArrayList<>();
        for (String part : remote.split("/")) {
            if (!part.isEmpty()) {
                parts.add(BundleNames.component(part));
            }
        }
        return String.join("/", parts);
    }

    private void walk(String remoteDir, String entryDir, int depth, boolean config) throws IOException {
        List<RemoteEntry> entries;
        try {
            entries = session.list(remoteDir);
        } catch (Problem p) {
            if (p.key().equals("ssh.connectionLost")) {
                throw p;
            }
            manifest.leftOut(remoteDir, "bundle.manifest.reason.unreadable", p.getMessage());
            return;
        }
        if (listed + entries.size() > MAX_ENTRIES) {
            manifest.leftOut(remoteDir, "bundle.manifest.reason.tooMany", MAX_ENTRIES);
            entries = entries.subList(0, Math.max(0, MAX_ENTRIES - listed));
        }
        listed += entries.size();
        // newest first: when the limit is reached, what is left out is the oldest logs
        List<RemoteEntry> files = entries.stream().filter(RemoteEntry::regular)
                .sorted(Comparator.comparing(RemoteEntry::modified).reversed().thenComparing(RemoteEntry::name))
                .toList();
        for (RemoteEntry e : entries) {
            String remote = remoteDir + "/" + e.name();
            if (!BundleNames.isPlainName(e.name())) {
                manifest.leftOut(remoteDir + "/" + e.name(), "bundle.manifest.reason.badName");
            } else if (!e.regular() && !e.folder()) {
                manifest.leftOut(remote, "bundle.manifest.reason.notRegular");
            }
        }
        for (RemoteEntry e : files) {
            if (BundleNames.isPlainName(e.name())) {
                progress.checkCancelled();
                file(remoteDir + "/" + e.name(), names.unique(entryDir + "/" + BundleNames.component(e.name())), e,
                        config);
            }
        }
        for (RemoteEntry e : entries) {
            if (e.folder() && BundleNames.isPlainName(e.name())) {
                String remote = remoteDir + "/" + e.name();
                if (depth + 1 > MAX_DEPTH) {
                    manifest.leftOut(remote, "bundle.manifest.reason.tooDeep", MAX_DEPTH);
                } else {
                    walk(remote, entryDir + "/" + BundleNames.component(e.name()), depth + 1, config);
                }
            }
        }
    }

    private void file(String remote, String entry, RemoteEntry e, boolean config) throws IOException {
        long keep = Math.min(e.size(), settings.maxFileBytes());
        if (keep > budget) {
            manifest.leftOut(remote, "bundle.manifest.reason.bundleFull", e.size(), settings.maxBundleBytes());
            return;
        }
        progress.update(entry, settings.maxBundleBytes() - budget, settings.maxBundleBytes());
        long offset = e.size() - keep;
        if (config) {
            configFile(remote, entry, e, offset, keep);
            return;
        }
        ZipEntry z = new ZipEntry(entry);
        z.setLastModifiedTime(FileTime.from(e.modified()));
        zip.putNextEntry(z);
        Counting out = new Counting(zip);
        try {
            session.copy(remote, offset, out, keep);
        } catch (Problem p) {
            if (p.key().equals("ssh.connectionLost")) {
                throw p;
            }
            zip.closeEntry();
            budget -= out.count;
            manifest.leftOut(remote, "bundle.manifest.reason.incomplete", out.count, p.getMessage());
            return;
        }
        zip.closeEntry();
        budget -= out.count;
        manifest.included(entry, remote, out.count, Math.max(e.size(), out.count), false);
    }

    /** Read whole (it is bounded), redacted line by line, then written: a secret never reaches the disk. */
    private void configFile(String remote, String entry, RemoteEntry e, long offset, long keep) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(keep, 1 << 20));
        try {
            session.copy(remote, offset, bytes, keep);
        } catch (Problem p) {
            if (p.key().equals("ssh.connectionLost")) {
                throw p;
            }
            manifest.leftOut(remote, "bundle.manifest.reason.unreadable", p.getMessage());
            return;
        }
        budget -= bytes.size();
        byte[] raw = bytes.toByteArray();
        for (byte b : raw) {
            if (b == 0) {
                manifest.leftOut(remote, "bundle.manifest.reason.binaryConfig");
                return;
            }
        }
        SecretRedaction.KeyLines keys = new SecretRedaction.KeyLines();
        StringBuilder text = new StringBuilder(raw.length);
        String content = new String(raw, StandardCharsets.UTF_8);
        for (String line : content.split("\n", -1)) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(SecretRedaction.redact(keys.next(line)));
        }
        ZipEntry z = new ZipEntry(entry);
        z.setLastModifiedTime(FileTime.from(e.modified()));
        zip.putNextEntry(z);
        zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        manifest.included(entry, remote, raw.length, Math.max(e.size(), raw.length), true);
    }

    /** Counts what passes, and leaves the zip open when the copy is done with it. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void close() {
        }
    }
}
