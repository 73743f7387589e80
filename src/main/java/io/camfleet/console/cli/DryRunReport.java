package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.deploy.BlastRadius;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.ExecutorKind;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code camfleet deploy --dry-run} prints: the waves with what each touches (cameras, sites, SLA tiers,
 * customers), the artifact that would be sent, by its absolute path and size, and every camera the executor cannot
 * reach at all (each will fail with its sentence); as text, or as JSON with each wave's camera ids.
 */
final class DryRunReport {

    private static final int NAMES_SHOWN = 5;

    private final Messages m;
    private final PrintWriter out;
    private final boolean json;

    DryRunReport(Messages messages, PrintWriter out, boolean json) {
        this.m = messages;
        this.out = out;
        this.json = json;
    }

    /** Prints the preview; a dry run that got this far is good input: exit code 0. */
    int print(Release release, ExecutorKind executor, DeploymentService.Preview preview) {
        BlastRadius radius = preview.dryRun().blastRadius();
        List<Wave> waves = preview.dryRun().waves();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("release", release.label());
            o.put("executor", executor.name());
            ObjectNode artifact = o.putObject("artifact");
            artifact.put("path", preview.artifact().map(a -> a.path()).orElse(release.artifact()));
            preview.artifact().ifPresentOrElse(a -> artifact.put("bytes", a.bytes()).put("checked", true),
                    () -> artifact.put("checked", false));
            ArrayNode list = o.putArray("waves");
            for (int i = 0; i < waves.size(); i++) {
                ObjectNode w = reach(list.addObject(), radius.waves().get(i));
                waves.get(i).cameraIds().forEach(w.putArray("cameraIds")::add);
            }
            reach(o.putObject("total"), radius.total());
            ObjectNode unreachable = o.putObject("unreachable");
            preview.dryRun().unreachable().forEach(unreachable::put);
            out.println(o.toPrettyString());
        } else {
            out.println(m.text("deploy.dryRun.title", release.label(), executor));
            out.println(preview.artifact()
                    .map(a -> m.text("deploy.dryRun.artifact", a.path(), a.bytes()))
                    .orElse(m.text("deploy.dryRun.artifactNotRead", release.artifact())));
            for (BlastRadius.Reach r : radius.waves()) {
                out.println(m.text("deploy.dryRun.waveLine", r.canary() ? m.text("deploy.wave.canary")
                                : m.text("deploy.wave", r.waveIndex() + 1), r.targets(), r.sites(), tiers(r),
                        some(r.customers()), some(r.siteNames())));
            }
            BlastRadius.Reach total = radius.total();
            out.println(m.text("deploy.dryRun.total", total.targets(), total.sites(), total.customers().size(),
                    tiers(total), waves.size()));
            Map<String, String> unreachable = preview.dryRun().unreachable();
            if (!unreachable.isEmpty()) {
                out.println(m.text("deploy.dryRun.unreachable", unreachable.size()));
                unreachable.forEach((camera, why) -> out.println("  " + camera + ": " + why));
            }
        }
        out.flush();
        return DeployCommand.SUCCEEDED;
    }

    private static ObjectNode reach(ObjectNode o, BlastRadius.Reach r) {
        if (r.waveIndex() >= 0) {
            o.put("wave", r.waveIndex());
            o.put("canary", r.canary());
        }
        o.put("cameras", r.targets());
        o.put("sites", r.sites());
        ObjectNode tiers = o.putObject("tiers");
        r.targetsByTier().forEach((tier, n) -> tiers.put(tier.name(), n));
        r.customers().forEach(o.putArray("customers")::add);
        return o;
    }

    private static String tiers(BlastRadius.Reach r) {
        return r.targetsByTier().entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    private String some(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
        return names.size() > NAMES_SHOWN ? shown + " " + m.text("deploy.dryRun.more", names.size() - NAMES_SHOWN)
                : shown;
    }
}
