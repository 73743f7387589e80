package io.camfleet.console.service.findings;

import io.camfleet.console.domain.fleet.CameraSystem;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the camera a scanner's host names: its id, host name, SSH address (with or without user and port), SSM node
 * id or EC2 instance id, in any case. A name two cameras share ties to the first one listed.
 */
public final class HostIndex {

    private final Map<String, CameraSystem> byName = new HashMap<>();

    public HostIndex(List<CameraSystem> cameras) {
        for (CameraSystem c : cameras) {
            for (String name : List.of(c.id(), c.hostname(), c.sshAddress(), bare(c.sshAddress()), c.ssmNodeId())) {
                if (!name.isBlank()) {
                    byName.putIfAbsent(key(name), c);
                }
            }
        }
    }

    public Optional<CameraSystem> camera(String host) {
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        CameraSystem c = byName.get(key(host));
        return c != null ? Optional.of(c) : Optional.ofNullable(byName.get(key(bare(host))));
    }

    /** {@code user@host:22} → {@code host}. */
    static String bare(String address) {
        String s = address.strip();
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            s = s.substring(0, colon);
        }
        return s;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
