package io.camfleet.console;

import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.audit.AuditVerification;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text key the code uses exists in the one bundle, and every text in it is a valid pattern. */
class MessagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** A string literal that looks like a key of one of the bundle's groups, e.g. "fleetTable.col.site". */
    private final Messages messages = new Messages(Locale.ENGLISH);

    private Set<String> groups() {
        Set<String> g = new TreeSet<>();
        for (String k : Collections.list(messages.bundle().getKeys())) {
            g.add(k.substring(0, k.indexOf('.')));
        }
        return g;
    }

    @Test
    void everyKeyWrittenInTheCodeExists() throws IOException {
        Pattern literal = Pattern.compile("\"((?:" + String.join("|", groups()) + ")\\.[A-Za-z0-9_.]*)\"");
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            // The domain holds no user text, but names that look like keys (audit actions).
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/domain/"))
                    .toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (key.endsWith(".") || key.matches(".*\\.(css|json|png|db|sql|csv|key|anchor)")) {
                        continue; // a prefix completed by an enum name (checked below), or a file name
                    }
                    found++;
                    if (!messages.has(key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyBuiltFromAnEnumExists() {
        for (HealthState h : HealthState.values()) {
            assertThat(messages.has("health." + h.name())).as(h.name()).isTrue();
        }
        for (SlaTier t : SlaTier.values()) {
            assertThat(messages.has("sla." + t.name())).as(t.name()).isTrue();
        }
        for (AuditOutcome o : AuditOutcome.values()) {
            assertThat(messages.has("audit.outcome." + o.name())).as(o.name()).isTrue();
        }
        for (AuditVerification.Finding f : AuditVerification.Finding.values()) {
            assertThat(messages.has("audit.finding." + f.name())).as(f.name()).isTrue();
        }
        for (io.camfleet.console.service.alerts.RouteKind k : io.camfleet.console.service.alerts.RouteKind.values()) {
            assertThat(messages.has("alertRoutes.kind." + k.name())).as(k.name()).isTrue();
            assertThat(messages.has("alertRoutes.form.note." + k.name())).as(k.name()).isTrue();
        }
        for (io.camfleet.console.domain.alerts.AlertSeverity s
                : io.camfleet.console.domain.alerts.AlertSeverity.values()) {
            assertThat(messages.has("alertRoutes.severity." + s.name())).as(s.name()).isTrue();
            assertThat(messages.has("alertRoutes.severity.name." + s.name())).as(s.name()).isTrue();
        }
        for (io.camfleet.console.domain.alerts.DeliveryState d
                : io.camfleet.console.domain.alerts.DeliveryState.values()) {
            assertThat(messages.has("alertRoutes.last." + d.name())).as(d.name()).isTrue();
        }
        for (io.camfleet.console.domain.alerts.AlertStatus st
                : io.camfleet.console.domain.alerts.AlertStatus.values()) {
            assertThat(messages.has("alertRoutes.slack." + st.name().toLowerCase(Locale.ROOT))).as(st.name()).isTrue();
        }
        for (io.camfleet.console.service.alerts.SecretSource.Kind k
                : io.camfleet.console.service.alerts.SecretSource.Kind.values()) {
            assertThat(messages.has("alertRoutes.form.secret." + k.name().toLowerCase(Locale.ROOT))).as(k.name())
                    .isTrue();
        }
        for (io.camfleet.console.domain.backup.DiffRow.Change c
                : io.camfleet.console.domain.backup.DiffRow.Change.values()) {
            assertThat(messages.has("backup.change." + c.name())).as(c.name()).isTrue();
        }
    }

    @Test
    void everyTextIsAValidPatternAndQuotesAreEscaped() {
        for (String key : Collections.list(messages.bundle().getKeys())) {
            String pattern = messages.bundle().getString(key);
            String formatted = new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {1, 2, 3, 4});
            assertThat(formatted).as(key).isNotBlank();
            // An apostrophe is written '' ; a lone ' may only quote a brace, as in '{z}'.
            String rest = pattern.replace("''", "").replaceAll("'\\{[^}]*}'", "");
            assertThat(rest).as(key + " writes an apostrophe as ''").doesNotContain("'");
        }
    }

    @Test
    void aMissingKeyIsVisibleNotFatal() {
        assertThat(messages.text("no.such.key")).isEqualTo("!no.such.key!");
    }
}
