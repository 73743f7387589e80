package io.camfleet.console.service.reports;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.reports.EvidencePacks.PackCheck;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an evidence pack with nothing but the pack: every file against the manifest, no file unlisted, and the
 * audit extract against its chain ({@link EvidenceChain}). A pack is read as untrusted input: entries with a path are
 * not read, and no entry is read past a cap on its bytes (a ZIP bomb stops there), whatever size it claims.
 */
final class EvidenceCheck {

    /**
     * @param entryBytes most bytes read from one entry
     * @param totalBytes most bytes read from the whole pack
     * @param entries    most entries looked at
     * @param lineBytes  longest line of the audit extract read
     */
    record Limits(long entryBytes, long totalBytes, int entries, int lineBytes) {
        /** Far above a compliance PDF of 100,000 cameras or an extract of millions of events. */
        static final Limits DEFAULT = new Limits(2L << 30, 8L << 30, 10_000, 1 << 20);
    }

    /** The most problems listed; past that, their number. */
    private static final int MOST_PROBLEMS = 100;

    private final Messages words = new Messages(Locale.ROOT);
    private final Limits limits;
    private final List<String> problems = new ArrayList<>();
    private int hidden;
    private long read;

    private EvidenceCheck(Limits limits) {
        this.limits = limits;
    }

    static PackCheck run(Path zip, Limits limits) {
        if (Files.isDirectory(zip)) {
            throw Problem.badInput("report.evidence.verify.folder", zip);
        }
        if (!Files.isRegularFile(zip)) {
            throw Problem.badInput("report.evidence.verify.missing", zip);
        }
        try (ZipFile pack = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            return new EvidenceCheck(limits).check(pack);
        } catch (ZipException e) {
            throw Problem.badInput("report.evidence.verify.notZip", zip);
        } catch (IOException e) {
            throw new Problem(e, "report.evidence.verify.unreadable", zip, e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private PackCheck check(ZipFile pack) throws IOException {
        Map<String, ZipEntry> entries = entries(pack);
        ZipEntry manifestEntry = entries.remove(EvidenceManifest.NAME);
        if (manifestEntry == null) {
            problem("report.evidence.verify.noManifest", EvidenceManifest.NAME);
            return result(0, 0, "");
        }
        List<Integer> badLines = new ArrayList<>();
        List<String> missingNotes = new ArrayList<>();
        EvidenceManifest manifest = EvidenceManifest.parse(manifestText(pack, manifestEntry), badLines, missingNotes);
        badLines.forEach(n -> problem("report.evidence.verify.manifest.line", EvidenceManifest.NAME, n));
        missingNotes.forEach(n -> problem("report.evidence.verify.manifest.note", EvidenceManifest.NAME, n));
        int files = 0;
        long events = 0;
        for (Map.Entry<String, String> listed : manifest.files().entrySet()) {
            String name = listed.getKey();
            ZipEntry entry = entries.remove(name);
            if (!plainName(name)) {
                problem("report.evidence.verify.manifest.path", EvidenceManifest.NAME, name);
                continue;
            }
            if (entry == null) {
                problem("report.evidence.verify.file.missing", name, EvidenceManifest.NAME);
                continue;
            }
            files++;
            boolean extract = name.equals(manifest.extract()) && manifest.before() != null && manifest.last() != null;
            // The chain's problems follow the file's own: "changed" first, then where.
            List<Map.Entry<String, Object[]>> found = new ArrayList<>();
            EvidenceChain chain = extract
                    ? new EvidenceChain(name, manifest.before(), (k, a) -> found.add(Map.entry(k, a))) : null;
            String sha;
            try (InputStream in = capped(pack.getInputStream(entry))) {
                sha = chain == null ? sha256(in) : sha256AndChain(in, chain);
            } catch (TooLarge e) {
                problem(e.whole ? "report.evidence.verify.packTooLarge" : "report.evidence.verify.file.tooLarge", name,
                        (e.whole ? limits.totalBytes() : limits.entryBytes()) >> 20);
                continue;
            } catch (ZipException e) {
                problem("report.evidence.verify.file.unreadable", name, e.getMessage());
                continue;
            }
            if (!sha.equals(listed.getValue())) {
                problem("report.evidence.verify.file.changed", name, EvidenceManifest.NAME);
            }
            if (chain != null) {
                chain.finish(manifest.last());
                events = chain.events();
                found.forEach(f -> problem(f.getKey(), f.getValue()));
            }
        }
        if (manifest.extract() != null && !manifest.files().containsKey(manifest.extract())) {
            problem("report.evidence.verify.extract.unlisted", manifest.extract(), EvidenceManifest.NAME);
        }
        checkHead(manifest);
        entries.keySet().forEach(name -> problem("report.evidence.verify.file.extra", name, EvidenceManifest.NAME));
        return result(files, events, manifest.head() == null ? "" : manifest.head().hash());
    }

    /** The extract's last event and the anchor's last record cannot be past the chain's head when it was written. */
    private void checkHead(EvidenceManifest m) {
        if (m.head() == null) {
            return;
        }
        if (m.last() != null && (m.last().seq() > m.head().seq()
                || m.last().seq() == m.head().seq() && !m.last().hash().equals(m.head().hash()))) {
            problem("report.evidence.verify.manifest.head", EvidenceManifest.NAME, "audit-last", m.last().seq(),
                    m.head().seq());
        }
        m.anchor().filter(a -> a.head().seq() > m.head().seq()
                        || a.head().seq() == m.head().seq() && !a.head().hash().equals(m.head().hash()))
                .ifPresent(a -> problem("report.evidence.verify.manifest.head", EvidenceManifest.NAME, "audit-anchor",
                        a.head().seq(), m.head().seq()));
    }

    /** The entries by name, those with a path, folders and repeated names named as problems and left out. */
    private Map<String, ZipEntry> entries(ZipFile pack) {
        Map<String, ZipEntry> out = new LinkedHashMap<>();
        int seen = 0;
        for (ZipEntry e : Collections.list(pack.entries())) {
            if (++seen > limits.entries()) {
                problem("report.evidence.verify.tooManyEntries", limits.entries());
                break;
            }
            if (e.isDirectory() || !plainName(e.getName())) {
                problem("report.evidence.verify.entry.path", e.getName());
            } else if (out.putIfAbsent(e.getName(), e) != null) {
                problem("report.evidence.verify.entry.twice", e.getName());
            }
        }
        return out;
    }

    /** A file name alone: no folder, no parent, no drive, nothing a careless unzip would write elsewhere. */
    static boolean plainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/")
                && !name.contains("\\") && !name.contains(":") && name.chars().noneMatch(c -> c < 0x20);
    }

    private String manifestText(ZipFile pack, ZipEntry entry) throws IOException {
        // A manifest lists a few dozen files: a megabyte is plenty, and bounds what is held in memory.
        long cap = Math.min(1 << 20, limits.entryBytes());
        try (InputStream in = pack.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) cap + 1);
            if (bytes.length > cap) {
                problem("report.evidence.verify.file.tooLarge", EvidenceManifest.NAME, cap >> 20);
                return "";
            }
            read += bytes.length;
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String sha256(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Hashes the extract and walks its chain in one read. */
    private String sha256AndChain(InputStream raw, EvidenceChain chain) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new BufferedInputStream(new DigestInputStream(raw, sha), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int number = 1;
            boolean tooLong = false;
            for (int b; (b = in.read()) >= 0; ) {
                if (b != '\n') {
                    if (line.size() < limits.lineBytes()) {
                        line.write(b);
                    } else if (!tooLong) {
                        tooLong = true;
                        chain.malformed(number, "");
                    }
                    continue;
                }
                if (!tooLong) {
                    row(chain, number, line.toString(StandardCharsets.UTF_8));
                }
                line.reset();
                tooLong = false;
                number++;
            }
            if (line.size() > 0 && !tooLong) {
                row(chain, number, line.toString(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void row(EvidenceChain chain, int number, String line) {
        try {
            chain.accept(number, EvidenceExtract.parse(line));
        } catch (EvidenceExtract.Malformed e) {
            chain.malformed(number, e.field);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private void problem(String key, Object... args) {
        if (problems.size() < MOST_PROBLEMS) {
            problems.add(words.text(key, args));
        } else {
            hidden++;
        }
    }

    private PackCheck result(int files, long events, String head) {
        List<String> all = new ArrayList<>(problems);
        if (hidden > 0) {
            all.add(words.text("report.evidence.verify.moreProblems", hidden));
        }
        return new PackCheck(files, (int) Math.min(Integer.MAX_VALUE, events), head, all);
    }

    /** Thrown when an entry, or the pack, gives more bytes than the caps allow. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final boolean whole;

        TooLarge(boolean whole) {
            super(whole ? "pack too large" : "entry too large", null);
            this.whole = whole;
        }
    }

    /** Counts what is actually read, whatever the entry claims its size is. */
    private InputStream capped(InputStream in) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    add(n);
                }
                return n;
            }

            private void add(long n) throws TooLarge {
                count += n;
                read += n;
                if (count > limits.entryBytes()) {
                    throw new TooLarge(false);
                }
                if (read > limits.totalBytes()) {
                    throw new TooLarge(true);
                }
            }
        };
    }
}
