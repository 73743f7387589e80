package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How alerts reach people, kept in {@code settings.json} (section {@code alertRoutes}): the routes out of the console,
 * and on the desktop a notification for each raised alert and, for the wall screen, a sound. No secret is kept here:
 * each route names where its secret is.
 */
public record AlertRoutesSettings(List<AlertRoute> routes, boolean notification, boolean sound) {

    /** No route; notifications on, sound off (a sound is for a wall screen, not every desk). */
    public static final AlertRoutesSettings DEFAULT = new AlertRoutesSettings(List.of(), true, false);

    public static final SettingsSection<AlertRoutesSettings> SECTION = SettingsSection.of("alertRoutes", DEFAULT,
            Stored.class, AlertRoutesSettings::read, AlertRoutesSettings::write);

    /** @throws Problem (BAD_INPUT) when two routes share a name */
    public AlertRoutesSettings {
        routes = List.copyOf(routes);
        Set<String> names = new HashSet<>();
        for (AlertRoute r : routes) {
            if (!names.add(r.name().toLowerCase(Locale.ROOT))) {
                throw Problem.badInput("alertRoutes.name.twice", r.name());
            }
        }
    }

    public AlertRoutesSettings withRoutes(List<AlertRoute> changed) {
        return new AlertRoutesSettings(changed, notification, sound);
    }

    public AlertRoutesSettings withDesktop(boolean notificationOn, boolean soundOn) {
        return new AlertRoutesSettings(routes, notificationOn, soundOn);
    }

    private static AlertRoutesSettings read(Stored s) {
        List<AlertRoute> routes = s.routes == null ? List.of() : s.routes.stream().map(r -> new AlertRoute(r.name,
                r.kind == null ? RouteKind.WEBHOOK : RouteKind.valueOf(r.kind.toUpperCase(Locale.ROOT)), r.url,
                SecretSource.parse(r.secret),
                r.minSeverity == null ? AlertSeverity.WARNING
                        : AlertSeverity.valueOf(r.minSeverity.toUpperCase(Locale.ROOT)),
                r.enabled == null || r.enabled)).toList();
        return new AlertRoutesSettings(routes, s.notification == null ? DEFAULT.notification : s.notification,
                s.sound == null ? DEFAULT.sound : s.sound);
    }

    private static Stored write(AlertRoutesSettings a) {
        return new Stored(a.routes.stream().map(r -> new StoredRoute(r.name(), r.kind().name(), r.url(),
                r.secret().toString(), r.minSeverity().name(), r.enabled())).toList(), a.notification, a.sound);
    }

    /** As kept in the file. */
    record Stored(List<StoredRoute> routes, Boolean notification, Boolean sound) {
    }

    /** One route as kept in the file; {@code secret} is {@code env:NAME} or {@code file:PATH}, never a secret. */
    record StoredRoute(String name, String kind, String url, String secret, String minSeverity, Boolean enabled) {
    }
}
