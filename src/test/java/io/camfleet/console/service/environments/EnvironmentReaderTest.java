package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every environment reader does unless it says otherwise, and how an identity and a change read read. */
class EnvironmentReaderTest {

    private static final Environment PROD = Environment.of("prod-eu", "ops", "eu-west-1", "");

    @Test
    void aReaderThatCannotTellChangesAsksForAReadOfEverythingAndDeliversNothing() {
        FleetData empty = new FleetData(List.of(), List.of(), Map.of());
        Instant at = Instant.parse("2026-06-01T08:00:00Z");

        ChangeRead read = new FakeEnvironmentReader(List.of()).readChanges(PROD, new ChangeRead.Since(empty, at, at),
                null, Progress.NONE);

        assertThat(read.delivered()).isFalse();
        assertThat(read.fullReadBecause().key()).isEqualTo("sync.because.unsupported");
        assertThat(read.acknowledge()).isSameAs(ChangeRead.Acknowledgement.NONE);
    }

    @Test
    void theCallersPrincipalIsTheArnAfterItsTypeOrTheWholeArnWithoutOne() {
        assertThat(new EnvironmentReader.CallerIdentity("1", "arn:aws:sts::1:assumed-role/Ops/jane").principal())
                .isEqualTo("Ops/jane");
        assertThat(new EnvironmentReader.CallerIdentity("1", "arn:aws:iam::1:user/ops").principal()).isEqualTo("ops");
        assertThat(new EnvironmentReader.CallerIdentity("1", "arn:aws:iam::1:root").principal())
                .isEqualTo("arn:aws:iam::1:root");
        assertThat(new EnvironmentReader.CallerIdentity("1", "/ops").principal()).isEqualTo("ops");
    }

    @Test
    void aChangeReadWithoutAnAcknowledgementAcknowledgesNothing() {
        assertThat(new ChangeRead(true, null, null).acknowledge()).isSameAs(ChangeRead.Acknowledgement.NONE);
        assertThat(ChangeRead.delivered(null).delivered()).isTrue();
        ChangeRead.Acknowledgement ack = () -> { };
        assertThat(ChangeRead.delivered(ack).acknowledge()).isSameAs(ack);
        assertThat(ChangeRead.delivered(ack).fullReadBecause()).isNull();
    }

    @Test
    void aReadOfEverythingNeededMayStillAcknowledgeWhatWasRead() {
        io.camfleet.console.service.common.Problem because =
                new io.camfleet.console.service.common.Problem("sync.because.unsupported");
        ChangeRead.Acknowledgement ack = () -> { };

        ChangeRead read = ChangeRead.fullReadNeeded(because, ack);

        assertThat(read.delivered()).isFalse();
        assertThat(read.fullReadBecause()).isSameAs(because);
        assertThat(read.acknowledge()).isSameAs(ack);
    }
}
