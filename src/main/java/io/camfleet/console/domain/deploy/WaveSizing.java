package io.camfleet.console.domain.deploy;

import java.util.List;

/** How the targets after the canary are cut into waves. */
public sealed interface WaveSizing {

    /** Waves of the same size, a count or a percentage of all targets; the last one takes what is left. */
    record EachOf(HostCount size) implements WaveSizing {
        public EachOf {
            if (size == null || size.isNone()) {
                throw new IllegalArgumentException("A wave must hold at least one host: give a size above 0.");
            }
        }
    }

    /** Waves named host by host (camera ids); targets named in none form one last wave. */
    record Explicit(List<List<String>> waves) implements WaveSizing {
        public Explicit {
            if (waves == null) {
                throw new IllegalArgumentException("Explicit waves need a list of waves.");
            }
            waves = waves.stream().map(List::copyOf).toList();
        }
    }

    static WaveSizing eachOf(HostCount size) {
        return new EachOf(size);
    }

    static WaveSizing explicit(List<List<String>> waves) {
        return new Explicit(waves);
    }
}
