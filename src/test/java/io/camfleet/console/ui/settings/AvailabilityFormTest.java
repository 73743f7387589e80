package io.camfleet.console.ui.settings;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings, Availability, with no toolkit: what the operator types becomes the settings, or a sentence per field. */
class AvailabilityFormTest {

    private final Messages m = new Messages(Locale.ENGLISH);

    @Test
    void theFormStartsAtTheSettingsInForceAndGivesThemBackUnchanged() {
        AvailabilityForm form = new AvailabilityForm(m, AvailabilitySettings.DEFAULT);

        assertThat(form.kind.get()).isEqualTo(SiteDownRule.Kind.DARK);
        assertThat(form.threshold.get()).isEmpty();
        assertThat(form.targets.get(SlaTier.PLATINUM).get()).isEqualTo("99.99");
        assertThat(form.retentionDays.get()).isEqualTo("400");
        assertThat(form.result()).contains(AvailabilitySettings.DEFAULT);
    }

    @Test
    void aRuleTargetsAndRetentionTypedInBecomeTheSettings() {
        AvailabilityForm form = new AvailabilityForm(m, AvailabilitySettings.DEFAULT);
        form.kind.set(SiteDownRule.Kind.AT_LEAST_PERCENT);
        form.threshold.set(" 50 ");
        form.degradedCounts.set(true);
        form.targets.get(SlaTier.GOLD).set("99,95");
        form.targets.get(SlaTier.BRONZE).set("99 %");
        form.retentionDays.set("90");

        AvailabilitySettings a = form.result().orElseThrow();

        assertThat(a.rule()).isEqualTo(new SiteDownRule(SiteDownRule.Kind.AT_LEAST_PERCENT, 50, true));
        assertThat(a.targets().target(SlaTier.GOLD)).isEqualTo(99.95);
        assertThat(a.targets().target(SlaTier.BRONZE)).isEqualTo(99.0);
        assertThat(a.targets().target(SlaTier.PLATINUM)).isEqualTo(99.99);
        assertThat(a.retentionDays()).isEqualTo(90);
    }

    @Test
    void eachBadValueGetsItsOwnSentenceAndNothingIsGivenBack() {
        AvailabilityForm form = new AvailabilityForm(m, AvailabilitySettings.DEFAULT);
        form.kind.set(SiteDownRule.Kind.AT_LEAST_PERCENT);
        form.threshold.set("125");
        form.targets.get(SlaTier.SILVER).set("100");
        form.targets.get(SlaTier.GOLD).set("abc");
        form.retentionDays.set("7");

        assertThat(form.result()).isEmpty();

        assertThat(form.thresholdProblem.get())
                .isEqualTo("'125' is not a share of cameras: write a whole percentage from 1 to 100, such as 50.");
        assertThat(form.targetProblems.get(SlaTier.SILVER).get())
                .isEqualTo("'100' cannot be the Silver target: write a percentage above 0 and below 100, such as 99.95.");
        assertThat(form.targetProblems.get(SlaTier.GOLD).get()).startsWith("'abc' cannot be the Gold target");
        assertThat(form.targetProblems.get(SlaTier.PLATINUM).get()).isEmpty();
        assertThat(form.retentionProblem.get()).isEqualTo(
                "'7' cannot be how long history is kept: write a whole number of days from 31 to 3660.");

        form.targets.get(SlaTier.SILVER).set("99.8");
        assertThat(form.targetProblems.get(SlaTier.SILVER).get()).as("said of the value that was changed").isEmpty();
        assertThat(form.targetProblems.get(SlaTier.GOLD).get()).isNotEmpty();
    }

    @Test
    void aCountOfCamerasMustBeAWholeNumberFromOneAndTheSentenceGoesOnceFixed() {
        AvailabilityForm form = new AvailabilityForm(m, AvailabilitySettings.DEFAULT);
        form.kind.set(SiteDownRule.Kind.AT_LEAST);
        form.threshold.set("0");
        assertThat(form.result()).isEmpty();
        assertThat(form.thresholdProblem.get()).isEqualTo(
                "'0' is not a number of cameras: write a whole number from 1 up, such as 2.");
        form.threshold.set("2.5");
        assertThat(form.result()).isEmpty();

        form.threshold.set("3");
        assertThat(form.result().orElseThrow().rule()).isEqualTo(new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 3, false));
        assertThat(form.thresholdProblem.get()).isEmpty();
    }

    @Test
    void aDarkSiteNeedsNoCountWhateverTheFieldHolds() {
        AvailabilityForm form = new AvailabilityForm(m, new AvailabilitySettings(
                new SiteDownRule(SiteDownRule.Kind.AT_LEAST, 2, false), AvailabilitySettings.DEFAULT.targets(), 400));
        assertThat(form.threshold.get()).isEqualTo("2");
        form.kind.set(SiteDownRule.Kind.DARK);
        form.threshold.set("nonsense");

        assertThat(form.result().orElseThrow().rule()).isEqualTo(SiteDownRule.DEFAULT);
    }
}
