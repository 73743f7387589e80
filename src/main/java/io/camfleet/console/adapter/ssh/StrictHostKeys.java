package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.HostKeyRejected;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The only host key verifier a connection gets: a key is accepted when known_hosts holds it for that host, and
 * refused otherwise. sshj accepts a key when any one verifier does, so nothing lenient may be added next to this one.
 * One instance per connection: it remembers why it refused, for {@link #rejection()}. The parsed file is shared by
 * all connections, and used under its lock.
 */
final class StrictHostKeys implements HostKeyVerifier {

    private final OpenSSHKnownHosts known;
    private volatile HostKeyRejected rejection;

    StrictHostKeys(KnownHostsFile knownHosts) {
        known = knownHosts.current();
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        HostAddress address = new HostAddress(hostname, port);
        HostKeyRejected.Reason reason;
        synchronized (known) {
            if (known.verify(hostname, port, key)) {
                return true;
            }
            reason = hasAnyKeyFor(address) ? HostKeyRejected.Reason.CHANGED : HostKeyRejected.Reason.UNKNOWN;
        }
        rejection = new HostKeyRejected(hostname, port, KeyType.fromKey(key).toString(), sha256Fingerprint(key),
                Base64.getEncoder().encodeToString(blob(key)), reason);
        return false;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        synchronized (known) {
            return known.findExistingAlgorithms(hostname, port);
        }
    }

    /** Why the last key was refused; null when none was. */
    HostKeyRejected rejection() {
        return rejection;
    }

    private boolean hasAnyKeyFor(HostAddress address) {
        for (OpenSSHKnownHosts.KnownHostEntry e : known.entries()) {
            try {
                if (e.appliesTo(address.knownHostsName())) {
                    return true;
                }
            } catch (IOException ignored) {
                // an entry that cannot be matched says nothing about this host
            }
        }
        return false;
    }

    /** OpenSSH's form, as {@code ssh-keygen -l -E sha256} prints it: {@code SHA256:} and unpadded base64. */
    static String sha256Fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob(key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    /**
     * Makes the rejected key the host's known key: every other entry for that host goes, the new one is added. The
     * file is written next to itself and moved over the old one, so a reader never sees half of it (sshj's own
     * {@code write()} rewrites the file in place).
     */
    static void trust(Path knownHosts, HostKeyRejected rejected) {
        HostAddress address = new HostAddress(rejected.host(), rejected.port());
        try {
            List<String> lines = new ArrayList<>();
            if (Files.exists(knownHosts)) {
                OpenSSHKnownHosts.EntryFactory parser = new OpenSSHKnownHosts(new StringReader("")).new EntryFactory();
                for (String line : Files.readAllLines(knownHosts, StandardCharsets.UTF_8)) {
                    if (!isPlainEntryFor(parser, line, address)) {
                        lines.add(line);
                    }
                }
            }
            lines.add(address.knownHostsName() + " " + rejected.keyType() + " " + rejected.publicKey());
            Path dir = knownHosts.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".known_hosts", ".tmp");
            try {
                Files.write(temp, lines, StandardCharsets.UTF_8);
                Files.move(temp, knownHosts, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new Problem(e, "ssh.knownHostsUnwritable", knownHosts, e.getMessage());
        }
    }

    /** A host key line (not a marker such as {@code @revoked}, not a comment) for this host. */
    private static boolean isPlainEntryFor(OpenSSHKnownHosts.EntryFactory parser, String line, HostAddress address) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("@")) {
            return false;
        }
        try {
            OpenSSHKnownHosts.KnownHostEntry entry = parser.parseEntry(trimmed);
            return entry != null && entry.appliesTo(address.knownHostsName());
        } catch (IOException | RuntimeException unparsable) {
            return false; // kept as it was: not ours to drop
        }
    }
}
