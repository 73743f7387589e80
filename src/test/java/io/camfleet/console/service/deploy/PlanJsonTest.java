package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.Problem;
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
}
