package io.camfleet.console.app.features;

import io.camfleet.console.adapter.google.FakeGoogleDirectory;
import io.camfleet.console.adapter.google.GeneratedDevices;
import io.camfleet.console.domain.devices.ComplianceRules;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.DeviceDirectory;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DirectoryAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfiguredDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static DeviceSettings with(DeviceSettings s, String keyFile, ComplianceRules rules) {
        return new DeviceSettings(s.customerId(), s.adminSubject(), keyFile, s.scopes(), s.apiBaseUrl(), s.tokenUrl(),
                s.orgUnit(), s.reviewersFile(), s.reviewersGroup(), rules);
    }

    @Test
    void theDemoDirectoryIsKeptWhileOnlyTheRulesChangeSoWhatWasDoneToItStays() {
        AtomicReference<DeviceSettings> settings = new AtomicReference<>(DeviceSettings.DEFAULTS);
        ConfiguredDirectory directory = new ConfiguredDirectory(settings::get,
                s -> DevicesFeature.directory(s, CLOCK));
        assertThat(directory.name()).isEqualTo("demo");
        ReviewDevice first = directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null).devices().stream()
                .filter(ReviewDevice::active).findFirst().orElseThrow();
        assertThat(directory.act(DeviceAction.DISABLE, List.of(first.id()), "", "lost").done())
                .containsExactly(first.id());

        settings.set(with(DeviceSettings.DEFAULTS, "", new ComplianceRules(1, 30, 7)));
        assertThat(directory.get(DeviceType.CHROMEOS, first.id()).orElseThrow().status()).isEqualTo("DISABLED");
    }

    @Test
    void theDirectoryOpenedWithOldSettingsIsClosedWhenTheyChangeAndTheLastOneWhenTheFolderCloses() {
        List<String> closed = new ArrayList<>();
        AtomicReference<DeviceSettings> settings = new AtomicReference<>(with(DeviceSettings.DEFAULTS, "a.json",
                ComplianceRules.DEFAULT));
        ConfiguredDirectory directory = new ConfiguredDirectory(settings::get, s -> (DeviceDirectory) Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DeviceDirectory.class,
                        AutoCloseable.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.add(s.keyFile());
                    }
                    return method.getName().equals("access") ? DirectoryAccess.FULL : null;
                }));
        directory.access();
        directory.access();
        assertThat(closed).isEmpty();
        settings.set(with(DeviceSettings.DEFAULTS, "b.json", ComplianceRules.DEFAULT));
        directory.access();
        assertThat(closed).containsExactly("a.json");
        directory.close();
        assertThat(closed).containsExactly("a.json", "b.json");
    }

    @Test
    void aKeyThatCannotBeReadIsSaidAtEachCallAndTheDirectoryOpensOnceTheKeyIsThere() {
        try (FakeGoogleDirectory google = FakeGoogleDirectory.start(dir)) {
            google.put(GeneratedDevices.chromeos(12, 3, NOW));
            Path missing = dir.resolve("nowhere/key.json");
            AtomicReference<DeviceSettings> settings = new AtomicReference<>(
                    with(google.settings(), missing.toString(), ComplianceRules.DEFAULT));
            ConfiguredDirectory directory = new ConfiguredDirectory(settings::get,
                    s -> DevicesFeature.directory(s, CLOCK));
            assertThat(directory.name()).isEqualTo(FakeGoogleDirectory.CUSTOMER);

            assertThatThrownBy(() -> directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null))
                    .isInstanceOf(Problem.class).hasMessageContaining("key file " + missing + " does not exist");
            DirectoryAccess access = directory.access();
            assertThat(access.canAct()).isFalse();
            assertThat(new Messages(Locale.ENGLISH).text(access.whyNot(), access.missingScope()))
                    .startsWith("Device actions are off until the Google directory can be opened: The service "
                            + "account key file " + missing + " does not exist.");
            assertThat(google.apiCalls()).isZero();

            // the user fixes the path in Settings: the next call opens the directory
            settings.set(google.settings());
            assertThat(directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null).devices()).hasSize(12);
            assertThat(directory.access()).isEqualTo(DirectoryAccess.FULL);
        }
    }
}
