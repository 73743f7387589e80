package io.camfleet.console.adapter.webhook;

import io.camfleet.console.service.alerts.AlertRoute;
import io.camfleet.console.service.alerts.SecretSource;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a route's secret where its {@link SecretSource} says, each time it is needed: an environment variable of the
 * console's process, or a file (its first line, trimmed). Never kept, never logged.
 */
final class RouteSecrets {

    private final Map<String, String> env;

    /** @param env the console's environment variables */
    RouteSecrets(Map<String, String> env) {
        this.env = env;
    }

    /**
     * The secret, or empty for a route without one.
     *
     * @throws Problem naming the variable or file and what to do, never the secret
     */
    Optional<String> read(AlertRoute route) {
        SecretSource s = route.secret();
        return switch (s.kind()) {
            case NONE -> Optional.empty();
            case ENV -> {
                String value = env.get(s.name());
                if (value == null || value.isBlank()) {
                    throw Problem.badInput("alertRoutes.secret.envMissing", route.name(), s.name());
                }
                yield Optional.of(value.strip());
            }
            case FILE -> Optional.of(file(route, Path.of(s.name())));
        };
    }

    private static String file(AlertRoute route, Path path) {
        try {
            String first = Files.readString(path, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                throw Problem.badInput("alertRoutes.secret.fileEmpty", route.name(), path.toString());
            }
            return first;
        } catch (NoSuchFileException e) {
            throw Problem.badInput("alertRoutes.secret.fileMissing", route.name(), path.toString());
        } catch (IOException e) {
            throw Problem.badInput("alertRoutes.secret.fileUnreadable", route.name(), path.toString(),
                    e.getClass().getSimpleName());
        }
    }
}
