package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.deploy.BlastRadius;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.BudgetCheck;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.ExecutorKind;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code camfleet deploy --dry-run} prints: the waves with what each touches (cameras, sites, SLA tiers,
 * customers), the artifact that would be sent, by its absolute path and size, and every camera the executor cannot
 * reach at all (each will fail with its sentence), and the error budget left this month at each wave's sites with the
 * sites the plan's guard holds back; as text, or as JSON with each wave's camera ids.
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
            budgets(o.putObject("errorBudget"), preview.dryRun().budgets());
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
            preview.dryRun().budgets().describe(m, i -> waveName(radius, i), NAMES_SHOWN * 4).forEach(out::println);
        }
        out.flush();
        return DeployCommand.SUCCEEDED;
    }

    private String waveName(BlastRadius radius, int index) {
        return radius.waves().get(index).canary() ? m.text("deploy.wave.canary") : m.text("deploy.wave", index + 1);
    }

    /** Budgets as numbers, null where unknown: a pipeline tells "unknown" from "full" without parsing a sentence. */
    private static void budgets(ObjectNode o, BudgetCheck b) {
        o.put("known", b.known());
        if (b.guard().isSet()) {
            o.put("guardPercent", b.guard().percent());
        } else {
            o.putNull("guardPercent");
        }
        o.put("emergency", b.guard().isEmergency());
        if (b.guard().isEmergency()) {
            o.put("emergencyReason", b.guard().emergencyReason());
        }
        ArrayNode waves = o.putArray("waves");
        for (BudgetCheck.WaveBudget w : b.waves()) {
            ObjectNode wave = waves.addObject().put("wave", w.wave()).put("sites", w.sites());
            if (Double.isNaN(w.lowestPercent())) {
                wave.putNull("lowestPercentLeft");
            } else {
                wave.put("lowestPercentLeft", Math.round(w.lowestPercent() * 10) / 10.0).put("lowestSite", w.lowestSite());
            }
            wave.put("sitesBelowGuard", w.belowGuard()).put("sitesWithoutHistory", w.unknown());
        }
        ArrayNode held = o.putArray(b.guard().holds() ? "heldBack" : "belowGuardButOverridden");
        for (BudgetCheck.HeldSite h : b.heldBack()) {
            held.addObject().put("siteId", h.siteId()).put("site", h.siteName()).put("wave", h.wave())
                    .put("cameras", h.cameras()).put("percentLeft", Math.round(h.leftPercent() * 10) / 10.0);
        }
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
