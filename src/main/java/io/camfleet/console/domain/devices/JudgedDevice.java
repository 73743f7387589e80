package io.camfleet.console.domain.devices;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** A device with the compliance rules it breaks; none when it complies. */
public record JudgedDevice(ReviewDevice device, Set<ComplianceRule> broken) {

    public JudgedDevice {
        Objects.requireNonNull(device, "device");
        broken = broken.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(broken));
    }

    public boolean compliant() {
        return broken.isEmpty();
    }

    public boolean breaks(ComplianceRule rule) {
        return broken.contains(rule);
    }
}
