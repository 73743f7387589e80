package io.camfleet.console.ui.deploy;

import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.common.Messages;

import java.util.List;
import java.util.Locale;

/**
 * How target states look on the Deployments screen: a few groups with one colour each (Okabe-Ito, as the health
 * colours), so that a wave bar and the map read at a glance. The table names every state in words too.
 */
final class TargetStyle {

    /** What an operator watches for, in the order the bars stack them. */
    enum Group {
        SUCCEEDED(0xFF009E73), FAILED(0xFFD55E00), UNKNOWN(0xFFE69F00), ROLLED_BACK(0xFFCC79A7),
        UNDER_WAY(0xFF0072B2), WAITING(0xFF56B4E9), PENDING(0xFFB9C0C8), HELD_BACK(0xFF6B7280);

        final int argb;

        Group(int argb) {
            this.argb = argb;
        }

        String styleClass() {
            return "target-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        String key() {
            return "deploy.group." + name();
        }
    }

    private TargetStyle() {
    }

    static Group group(TargetState s) {
        return switch (s) {
            case SUCCEEDED, SKIPPED -> Group.SUCCEEDED;
            case FAILED -> Group.FAILED;
            case UNKNOWN -> Group.UNKNOWN;
            case ROLLED_BACK -> Group.ROLLED_BACK;
            case DISPATCHED, INSTALLING, VERIFYING -> Group.UNDER_WAY;
            case WAITING_WINDOW -> Group.WAITING;
            case PENDING -> Group.PENDING;
            case HELD_BACK -> Group.HELD_BACK;
        };
    }

    /** The group a site shows on the map: what most needs an operator's eye among its targets. */
    static Group worst(List<TargetState> states) {
        Group worst = Group.SUCCEEDED;
        for (TargetState s : states) {
            Group g = group(s);
            if (rank(g) > rank(worst)) {
                worst = g;
            }
        }
        return worst;
    }

    private static int rank(Group g) {
        return switch (g) {
            case SUCCEEDED -> 0;
            case PENDING -> 1;
            case HELD_BACK -> 2; // left alone on purpose: above pending, below anything under way or wrong
            case WAITING -> 2;
            case UNDER_WAY -> 3;
            case ROLLED_BACK -> 4;
            case UNKNOWN -> 5;
            case FAILED -> 6;
        };
    }

    /**
     * A wave's name as the operator counts them: Canary, Wave 1, Wave 2 after a canary; Wave 1, Wave 2 without.
     *
     * @param index the wave's place in the plan, the canary being 0 when there is one
     */
    static String waveName(Messages m, int index, boolean canary) {
        if (!canary) {
            return m.text("deploy.wave", index + 1);
        }
        return index == 0 ? m.text("deploy.wave.canary") : m.text("deploy.wave", index);
    }

    /** CSS class of a deployment's state chip. */
    static String stateClass(DeploymentState s, boolean interrupted) {
        if (interrupted) {
            return "deployment-interrupted";
        }
        return switch (s) {
            case SUCCEEDED -> "deployment-succeeded";
            case FAILED, FAILING -> "deployment-failed";
            case ABORTED, ABORTING -> "deployment-aborted";
            case PAUSED -> "deployment-paused";
            case RUNNING -> "deployment-running";
        };
    }

    /** Message key of a deployment's state as people say it: ABORTING is "abort requested", never "stopped". */
    static String stateKey(DeploymentState s, boolean interrupted) {
        return interrupted ? "deploy.state.INTERRUPTED" : "deploy.state." + s.name();
    }
}
