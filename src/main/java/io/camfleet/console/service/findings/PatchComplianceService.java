package io.camfleet.console.service.findings;

import io.camfleet.console.domain.findings.PatchCompliance;
import io.camfleet.console.domain.findings.PatchState;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.environments.Environment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Patch compliance per camera system and per image, from the patch states SSM Patch Manager reports for the cameras'
 * SSM nodes, or a scanner's patch report for the cameras SSM does not manage (kept in the store, so it is shown
 * without AWS at hand; where both report a camera, the later scan counts). An image's figures are the sums over the
 * cameras that run it and have a patch state.
 */
public final class PatchComplianceService {

    private final FindingStore store;
    private final Supplier<List<CameraSystem>> cameras;
    private final Supplier<List<Environment>> environments;
    private final PatchStateSource ssm;
    private final Clock clock;

    public PatchComplianceService(FindingStore store, Supplier<List<CameraSystem>> cameras,
                                  Supplier<List<Environment>> environments, PatchStateSource ssm, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.cameras = cameras;
        this.environments = environments;
        this.ssm = ssm;
    }

    /** Reads the patch states in the environment labelled {@code label} (see {@link #refresh(Environment)}). */
    public int refresh(String label) {
        return refresh(FindingsService.environment(environments.get(), label));
    }

    /** Reads the patch states of the cameras' SSM nodes in {@code environment}; returns how many SSM reported. */
    public int refresh(Environment environment) {
        List<String> nodes = cameras.get().stream().map(CameraSystem::ssmNodeId).filter(n -> !n.isEmpty())
                .distinct().toList();
        List<PatchState> states = nodes.isEmpty() ? List.of() : ssm.patchStates(environment, nodes);
        store.replacePatchStates("ssm:" + environment.label(), states);
        return states.size();
    }

    /**
     * Imports a scanner's patch report (see {@link PatchFiles}), replacing the one imported before; nothing changes
     * if a row is bad.
     *
     * @return how many hosts it reported
     */
    public int importFile(Path file) {
        List<PatchState> states = PatchFiles.read(file, clock.instant());
        store.replacePatchStates(PatchFiles.SOURCE, states);
        return states.size();
    }

    /** When the most recent patch state kept was scanned; empty when none is kept. */
    public Optional<Instant> lastScan() {
        return store.patchStates().stream().map(PatchState::observedAt).max(Comparator.naturalOrder());
    }

    /** Each camera's compliance, in the fleet's order; a camera with no patch state has {@code reported} 0. */
    public List<PatchCompliance> perCamera() {
        HostIndex hosts = new HostIndex(cameras.get());
        Map<String, PatchState> byCamera = new HashMap<>();
        for (PatchState s : store.patchStates()) {
            hosts.camera(s.host()).ifPresent(c -> byCamera.merge(c.id(), s,
                    (a, b) -> a.observedAt().isAfter(b.observedAt()) ? a : b));
        }
        List<PatchCompliance> out = new ArrayList<>();
        for (CameraSystem c : cameras.get()) {
            out.add(sum(c.id(), List.of(c), byCamera));
        }
        return out;
    }

    /** Each image's compliance over the cameras running it, by image id; cameras with no image are left out. */
    public List<PatchCompliance> perImage() {
        Map<String, List<CameraSystem>> byImage = new LinkedHashMap<>();
        cameras.get().stream().filter(c -> !c.image().isEmpty())
                .forEach(c -> byImage.computeIfAbsent(c.image(), i -> new ArrayList<>()).add(c));
        Map<String, PatchState> byCamera = new HashMap<>();
        HostIndex hosts = new HostIndex(cameras.get());
        store.patchStates().forEach(s -> hosts.camera(s.host()).ifPresent(c -> byCamera.merge(c.id(), s,
                (a, b) -> a.observedAt().isAfter(b.observedAt()) ? a : b)));
        List<PatchCompliance> out = new ArrayList<>();
        byImage.forEach((image, running) -> out.add(sum(image, running, byCamera)));
        out.sort(Comparator.comparing(PatchCompliance::subject));
        return out;
    }

    private static PatchCompliance sum(String subject, List<CameraSystem> running, Map<String, PatchState> states) {
        int reported = 0;
        int installed = 0;
        int missing = 0;
        int security = 0;
        TreeSet<String> levels = new TreeSet<>();
        for (CameraSystem c : running) {
            Optional<PatchState> s = Optional.ofNullable(states.get(c.id()));
            if (s.isPresent()) {
                reported++;
                installed += s.get().installed();
                missing += s.get().missing();
                security += s.get().missingSecurity();
                if (!s.get().patchLevel().isEmpty()) {
                    levels.add(s.get().patchLevel());
                }
            }
        }
        return new PatchCompliance(subject, running.size(), reported, List.copyOf(levels), installed, missing,
                security);
    }
}
