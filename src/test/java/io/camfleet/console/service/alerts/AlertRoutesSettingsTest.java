package io.camfleet.console.service.alerts;

import io.camfleet.console.adapter.files.JsonSettingsStore;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The routes as kept in {@code settings.json}: where each secret is, never the secret; bad routes are sentences. */
class AlertRoutesSettingsTest {

    private static final Messages M = new Messages(Locale.ENGLISH);
    private static final String SLACK_URL = "https://hooks.slack.com/services/T0/B0/abcdefSECRET";

    @TempDir
    Path dir;

    private JsonSettingsStore store() {
        return new JsonSettingsStore(dir.resolve("settings.json"), List.of(AlertRoutesSettings.SECTION),
                Clock.systemUTC());
    }

    @Test
    void routesComeBackAsSavedAndTheFileNamesWhereSecretsAreNeverTheSecrets() throws Exception {
        AlertRoutesSettings saved = new AlertRoutesSettings(List.of(
                new AlertRoute("NOC Slack", RouteKind.SLACK, "", SecretSource.env("CAMFLEET_SLACK_URL"),
                        AlertSeverity.WARNING, true),
                new AlertRoute("On-call", RouteKind.PAGERDUTY, "", SecretSource.file("/etc/camfleet/pd.key"),
                        AlertSeverity.CRITICAL, false),
                new AlertRoute("Ticketing", RouteKind.WEBHOOK, "https://tickets.example.com/hook", SecretSource.NONE,
                        AlertSeverity.WARNING, true)), false, true);

        store().write(AlertRoutesSettings.SECTION, saved);

        Settings read = store().read();
        assertThat(read.problems()).isEmpty();
        assertThat(read.get(AlertRoutesSettings.SECTION)).isEqualTo(saved);
        assertThat(read.get(AlertRoutesSettings.SECTION).routes().get(1).url())
                .as("PagerDuty's Events endpoint by default").isEqualTo("https://events.pagerduty.com/v2/enqueue");
        String file = Files.readString(dir.resolve("settings.json"));
        assertThat(file).contains("\"secret\" : \"env:CAMFLEET_SLACK_URL\"", "\"secret\" : \"file:/etc/camfleet/pd.key\"",
                "\"alertRoutes\"").doesNotContain("hooks.slack.com");
    }

    @Test
    void noRouteIsTheDefaultWithNotificationsOnAndSoundOff() {
        AlertRoutesSettings d = store().read().get(AlertRoutesSettings.SECTION);
        assertThat(d.routes()).isEmpty();
        assertThat(d.notification()).isTrue();
        assertThat(d.sound()).isFalse();
    }

    @Test
    void aSecretPastedWhereItsSourceGoesIsRefusedWithoutRepeatingIt() throws Exception {
        assertThatThrownBy(() -> SecretSource.parse(SLACK_URL)).isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(M.text((Problem) e)).doesNotContain("SECRET")
                        .isEqualTo("A route's secret is named as env:VARIABLE or file:PATH in the settings file."));
        assertThatThrownBy(() -> SecretSource.env(SLACK_URL)).isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(M.text((Problem) e)).doesNotContain("SECRET").contains("name the variable,"
                        + " not the secret"));
        // The same in the file: the section is unreadable, at its line, and the secret is not in the sentence.
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 2, \"alertRoutes\": {\"routes\": [{\"name\":"
                + " \"NOC\", \"kind\": \"SLACK\", \"secret\": \"" + SLACK_URL + "\"}]}}");
        Settings read = store().read();
        assertThat(read.get(AlertRoutesSettings.SECTION)).isEqualTo(AlertRoutesSettings.DEFAULT);
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(M.text(p))
                .contains("settings.json cannot be read at line 1", "env:VARIABLE or file:PATH")
                .doesNotContain("SECRET"));
    }

    @Test
    void aRouteThatCannotWorkIsASentenceNamingWhatToDo() {
        assertThat(problem(() -> new AlertRoute(" ", RouteKind.WEBHOOK, "https://x.example", SecretSource.NONE,
                AlertSeverity.WARNING, true))).startsWith("A route needs a name");
        assertThat(problem(() -> new AlertRoute("Hook", RouteKind.WEBHOOK, "ftp://x.example/in", SecretSource.NONE,
                AlertSeverity.WARNING, true))).isEqualTo("The URL ftp://x.example/in of the route Hook cannot be used:"
                + " enter an http:// or https:// address with a host, e.g. https://hooks.example.com/camfleet.");
        assertThat(problem(() -> new AlertRoute("Hook", RouteKind.WEBHOOK, "", SecretSource.NONE,
                AlertSeverity.WARNING, true))).startsWith("The route Hook needs the URL to send to");
        assertThat(problem(() -> new AlertRoute("NOC", RouteKind.SLACK, "", SecretSource.NONE,
                AlertSeverity.WARNING, true))).startsWith("The Slack route NOC needs its webhook URL");
        assertThat(problem(() -> new AlertRoute("Pager", RouteKind.PAGERDUTY, "", SecretSource.NONE,
                AlertSeverity.WARNING, true))).startsWith("The PagerDuty route Pager needs its routing key");
        AlertRoute hook = new AlertRoute("Hook", RouteKind.WEBHOOK, "https://x.example/in", SecretSource.NONE,
                AlertSeverity.WARNING, true);
        assertThat(problem(() -> new AlertRoutesSettings(List.of(hook, hook.withEnabled(false)), true, false)))
                .isEqualTo("Two routes are named Hook: give each a name of its own.");
    }

    private static String problem(Runnable r) {
        try {
            r.run();
        } catch (Problem p) {
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
            return M.text(p);
        }
        throw new AssertionError("no problem");
    }
}
