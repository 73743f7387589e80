package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.BudgetGuard;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanJsonTest {

    @Test
    void aPlanReadsAsWrittenInAPipeline() {
        Strategy s = PlanJson.parse("""
                {"canary": "5%", "canaryApproval": "continue", "waves": "25%", "maxConcurrency": 50,
                 "failureThreshold": "2%", "pauseBetweenWaves": "10m"}""");
        assertThat(s).isEqualTo(new Strategy(HostCount.percent(5), CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.percent(25)), 50, FailureThreshold.percent(2), Duration.ofMinutes(10)));
    }

    @Test
    void whatIsWrittenReadsBackEqualExplicitWavesToo() {
        Strategy s = new Strategy(HostCount.hosts(2), CanaryApproval.PAUSE_FOR_APPROVAL,
                new WaveSizing.Explicit(List.of(List.of("c1", "c2"), List.of("c3"))), 3, FailureThreshold.count(1),
                Duration.ofSeconds(90));
        assertThat(PlanJson.parse(PlanJson.write(s))).isEqualTo(s);
        Strategy emergency = PlanJson.parse("{\"waves\": \"10\", \"maintenanceWindows\": \"ignore\"}");
        assertThat(emergency.ignoreMaintenanceWindows()).isTrue();
        assertThat(PlanJson.parse(PlanJson.write(emergency))).isEqualTo(emergency);
    }

    @Test
    void aMisspeltKeyOrABadValueIsOneSentence() {
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"maxConcurency\": 5}"))
                .isInstanceOf(Problem.class).hasMessageContaining("'maxConcurency'");
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"pauseBetweenWaves\": \"soon\"}"))
                .isInstanceOf(Problem.class).hasMessageContaining("'soon'");
        assertThatThrownBy(() -> PlanJson.parse("{\"canary\": \"5%\"}"))
                .isInstanceOf(Problem.class).hasMessageContaining("waves is missing");
        assertThatThrownBy(() -> PlanJson.parse("[1, 2]")).isInstanceOf(Problem.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"maintenanceWindows\": \"skip\"}"))
                .isInstanceOf(Problem.class).hasMessageContaining("use respect, or ignore");
    }

    @Test
    void aCountThatIsNotAWholeNumberInRangeIsRefusedNotRoundedNorDefaulted() {
        // Each of these was read as some number before: "ten" as the default 10, 2.7 as 2, 1e9 as a billion.
        for (String value : List.of("1e9", "\"ten\"", "2.7", "0", "10001", "true", "null", "\"50\"", "[5]")) {
            assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"maxConcurrency\": " + value + "}"))
                    .as(value).isInstanceOf(Problem.class).hasMessageContaining("maxConcurrency is ")
                    .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
        }
        for (String key : List.of("canary", "waves", "failureThreshold")) {
            for (String value : List.of("2.7", "1e9", "true", "-1", "\"2.7\"")) {
                String json = "{\"waves\": \"10\", \"" + key + "\": " + value + "}";
                assertThatThrownBy(() -> PlanJson.parse(json)).as(json).isInstanceOf(Problem.class);
            }
        }
        assertThat(PlanJson.parse("{\"waves\": 10, \"canary\": 2, \"maxConcurrency\": 10000}"))
                .satisfies(s -> assertThat(s.maxConcurrency()).isEqualTo(10_000))
                .satisfies(s -> assertThat(s.canary()).isEqualTo(HostCount.hosts(2)))
                .satisfies(s -> assertThat(s.waves()).isEqualTo(new WaveSizing.EachOf(HostCount.hosts(10))));
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"failureThreshold\": \"0\","
                + " \"failureThreshold\": \"100%\"}"))
                .isInstanceOf(Problem.class).hasMessageContaining("Duplicate field 'failureThreshold'");
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\"} {\"waves\": \"50%\"}"))
                .isInstanceOf(Problem.class);
    }

    @Test
    void aPauseIsFromNothingToAWeekAndNoMore() {
        // 999999999999h held a rollout after its first wave for ever; PT2562047788015215H overflowed after it.
        for (String pause : List.of("999999999999h", "PT2562047788015215H", "99999999999999999h", "169h", "-5s",
                "P8D", "PT-1S")) {
            assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"pauseBetweenWaves\": \"" + pause
                    + "\"}")).as(pause).isInstanceOf(Problem.class).hasMessageContaining("7 days");
        }
        assertThat(PlanJson.parse("{\"waves\": \"10\", \"pauseBetweenWaves\": \"168h\"}").pauseBetweenWaves())
                .isEqualTo(Duration.ofDays(7));
        assertThat(PlanJson.parse("{\"waves\": \"10\", \"pauseBetweenWaves\": \"P7D\"}").pauseBetweenWaves())
                .isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aWordGivenAsANumberOrABooleanIsRefused() {
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"pauseBetweenWaves\": 600}"))
                .isInstanceOf(Problem.class).hasMessageContaining("pauseBetweenWaves is 600");
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"canaryApproval\": true}"))
                .isInstanceOf(Problem.class).hasMessageContaining("canaryApproval is true");
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"maintenanceWindows\": 0}"))
                .isInstanceOf(Problem.class).hasMessageContaining("maintenanceWindows is 0");
    }

    @Test
    void explicitWavesAreListsOfCameraIdsAndNothingElse() {
        for (String waves : List.of("[]", "[\"c1\"]", "[[1, 2]]", "[[\"c1\"], \"c2\"]", "[[\"\"]]", "[[null]]",
                "{\"c1\": 1}")) {
            assertThatThrownBy(() -> PlanJson.parse("{\"waves\": " + waves + "}")).as(waves)
                    .isInstanceOf(Problem.class).hasMessageContaining("waves");
        }
    }

    @Test
    void anErrorBudgetGuardAndAnEmergencyOverrideReadAsWrittenAndBack() {
        Strategy guarded = PlanJson.parse("{\"waves\": \"25%\", \"errorBudgetGuard\": \"25%\"}");
        assertThat(guarded.budgetGuard()).isEqualTo(new BudgetGuard(25, null));
        assertThat(guarded.budgetGuard().holds()).isTrue();
        assertThat(PlanJson.parse(PlanJson.write(guarded))).isEqualTo(guarded);

        Strategy emergency = PlanJson.parse("{\"waves\": \"25%\", \"errorBudgetGuard\": \"10\", "
                + "\"emergency\": true, \"emergencyReason\": \"hotfix for INC-4411\"}");
        assertThat(emergency.budgetGuard()).isEqualTo(new BudgetGuard(10, "hotfix for INC-4411"));
        assertThat(emergency.budgetGuard().holds()).isFalse();
        assertThat(PlanJson.parse(PlanJson.write(emergency))).isEqualTo(emergency);

        assertThat(PlanJson.parse("{\"waves\": \"25%\"}").budgetGuard()).isEqualTo(BudgetGuard.NONE);
    }

    @Test
    void aGuardOutsideNoughtToAHundredPercentOrNotANumberIsRefusedInOneSentence() {
        for (String guard : List.of("125%", "abc", "-5%", "12.5%", "")) {
            assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"errorBudgetGuard\": \"" + guard
                    + "\"}")).as(guard).isInstanceOf(Problem.class).hasMessage("The plan is not valid: "
                    + "errorBudgetGuard is '" + guard + "': write a whole share of the monthly error budget from 0% "
                    + "to 100%, such as \"25%\".");
        }
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"errorBudgetGuard\": 25}"))
                .isInstanceOf(Problem.class).hasMessageContaining("errorBudgetGuard is 25: write it as a JSON string");
    }

    @Test
    void anEmergencyMustSayWhyAndAReasonNeedsAnEmergency() {
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"errorBudgetGuard\": \"25%\", "
                + "\"emergency\": true}")).isInstanceOf(Problem.class)
                .hasMessageContaining("emergency is true but there is no emergencyReason");
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"emergency\": true, "
                + "\"emergencyReason\": \"   \"}")).isInstanceOf(Problem.class)
                .hasMessageContaining("no emergencyReason");
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"emergencyReason\": \"because\"}"))
                .isInstanceOf(Problem.class).hasMessageContaining("emergency is not true");
        assertThatThrownBy(() -> PlanJson.parse("{\"waves\": \"10\", \"emergency\": \"yes\", "
                + "\"emergencyReason\": \"because\"}")).isInstanceOf(Problem.class)
                .hasMessageContaining("emergency is \"yes\": write true or false, without quotes.");
    }
}
