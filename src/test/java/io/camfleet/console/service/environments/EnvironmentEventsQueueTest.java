package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry events queue an environment may name: an SQS queue URL, or a queue on its own endpoint override. */
class EnvironmentEventsQueueTest {

    private static final String SQS = "https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events";

    @Test
    void anSqsQueueUrlIsKeptTrimmed() {
        Environment e = Environment.of("prod-eu", "ops", "eu-west-1", "", "  " + SQS + " ");

        assertThat(e.eventsQueue()).isEqualTo(URI.create(SQS));
    }

    @Test
    void aFifoQueueAndAVpcEndpointsHttpsHostAreKept() {
        String fifo = "https://vpce-1.sqs.eu-west-1.vpce.amazonaws.com/123456789012/events.fifo";

        assertThat(Environment.of("prod-eu", "ops", "eu-west-1", "", fifo).eventsQueue()).isEqualTo(URI.create(fifo));
    }

    @Test
    void noQueueOrAnEmptyOneMeansNone() {
        assertThat(Environment.of("prod-eu", "ops", "eu-west-1", "", null).eventsQueue()).isNull();
        assertThat(Environment.of("prod-eu", "ops", "eu-west-1", "", "  ").eventsQueue()).isNull();
        assertThat(Environment.of("prod-eu", "ops", "eu-west-1", "").eventsQueue()).isNull();
        assertThat(new Environment("prod-eu", "ops", "eu-west-1", null).eventsQueue()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:5000/123456789012/events", "https://127.0.0.1:5000/123456789012/events"})
    void aQueueOnTheEnvironmentsOwnEndpointMaySpeakPlainHttp(String queue) {
        Environment e = Environment.of("test", "", "eu-west-1", "http://127.0.0.1:5000", queue);

        assertThat(e.eventsQueue()).isEqualTo(URI.create(queue));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|http://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events",
            "''|https://queue.example.com/123456789012/camfleet-events",
            "''|https://sqs.eu-west-1.amazonaws.com/12345678901/camfleet-events",
            "''|https://sqs.eu-west-1.amazonaws.com/123456789012/",
            "''|https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet events",
            "''|https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events?Action=x",
            "''|https://me@sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events",
            "''|https://sqs.eu-west-1.amazonaws.com/123456789012/events/more",
            "''|https:///123456789012/events",
            "''|/123456789012/events",
            "http://127.0.0.1:5000|http://127.0.0.1:5001/123456789012/events",
            "http://127.0.0.1:5000|http://127.0.0.2:5000/123456789012/events",
            "http://127.0.0.1:5000|ftp://127.0.0.1:5000/123456789012/events",
            "http://127.0.0.1:5000|http://127.0.0.1:5000/123456789012/events?x=1",
            "http://127.0.0.1:5000|http://u@127.0.0.1:5000/123456789012/events",
            "http://127.0.0.1:5000|http://127.0.0.1:5000/events"})
    void aQueueThatIsNeitherSqsNorOnTheEndpointIsBadInputNamingIt(String endpoint, String queue) {
        assertThatThrownBy(() -> Environment.of("prod-eu", "ops", "eu-west-1", endpoint, " " + queue + " "))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("environment.badEventsQueue");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    assertThat(p.args()).containsExactly(queue);
                });
    }

    @Test
    void anEnvironmentWithAnotherQueueKeepsEverythingElse() {
        Environment e = Environment.of("test", "ops", "eu-west-1", "http://127.0.0.1:5000");
        String onEndpoint = "http://127.0.0.1:5000/123456789012/events";

        Environment queued = e.withEventsQueue(onEndpoint);

        assertThat(queued).isEqualTo(new Environment("test", "ops", "eu-west-1", URI.create("http://127.0.0.1:5000"),
                URI.create(onEndpoint)));
        assertThat(queued.withEventsQueue("")).isEqualTo(e);
        assertThat(queued.withEventsQueue(null)).isEqualTo(e);
        Environment aws = Environment.of("prod-eu", "ops", "eu-west-1", "");
        assertThat(aws.withEventsQueue(SQS)).isEqualTo(new Environment("prod-eu", "ops", "eu-west-1", null,
                URI.create(SQS)));
    }

    @Test
    void anEndpointOrQueueThatIsNoUriAtAllIsBadInput() {
        assertThatThrownBy(() -> Environment.of("prod-eu", "ops", "eu-west-1", "", "https://sqs.x/1 2"))
                .isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.key()).isEqualTo("environment.badEventsQueue"));
        assertThatThrownBy(() -> Environment.of("prod-eu", "ops", "eu-west-1", "http://a b", null))
                .isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.key()).isEqualTo("environment.badEndpoint"));
    }
}
