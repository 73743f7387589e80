package io.camfleet.console.service.diagnostics;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.service.support.TicketService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A support desk for the bundle's tests: a real H2 cache in a data folder, the ticket service over it with its audit
 * seen, one open ticket, and ways to read a bundle back.
 */
public final class BundleDesk implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    public final Path data;
    public final CacheDatabase db;
    public final TicketService tickets;
    public final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    public final Ticket ticket;

    public BundleDesk(Path data) {
        this.data = data;
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        this.db = CacheDatabase.open(data, clock);
        AuditService audit = new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(),
                new Operator("nina", ""), clock);
        audit.addListener(audited::add);
        this.tickets = new TicketService(db.tickets(), audit, clock, () -> SlaTargets.DEFAULT);
        this.ticket = tickets.create(new TicketDrafts(new Messages(Locale.ENGLISH))
                .fromSite("ams-01", "Amsterdam Zuid", "Acme", true));
    }

    public DiagnosticsBundle bundle(DiagnosticsSettings settings) {
        return new DiagnosticsBundle(tickets, data, () -> settings, Clock.fixed(T0, ZoneOffset.UTC));
    }

    public List<TimelineEntry.Attachment> attachments() {
        return tickets.show(ticket.id()).timeline().stream().map(TimelineEntry::file)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Every file under the ticket's attachments folder (temporary ones too). */
    public List<Path> filesKept() throws IOException {
        Path folder = data.resolve(DiagnosticsBundle.ATTACHMENTS_FOLDER);
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    /** The zip's entries, by name, in their order. */
    public static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                out.put(e.getName(), z.readAllBytes());
            }
        }
        return out;
    }

    public static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Override
    public void close() {
        db.close();
    }
}
