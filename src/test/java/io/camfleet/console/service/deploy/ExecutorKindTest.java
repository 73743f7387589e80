package io.camfleet.console.service.deploy;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The executor kinds as an operator or a pipeline names them. */
class ExecutorKindTest {

    @Test
    void anExecutorIsNamedInAnyCase() {
        assertThat(ExecutorKind.parse("ssh")).isEqualTo(ExecutorKind.SSH);
        assertThat(ExecutorKind.parse(" Demo ")).isEqualTo(ExecutorKind.DEMO);
        assertThat(ExecutorKind.parse("SSM")).isEqualTo(ExecutorKind.SSM);
    }

    @Test
    void anUnknownExecutorIsOneSentenceNamingTheKnownOnes() {
        assertThatThrownBy(() -> ExecutorKind.parse("scp")).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
            assertThat(new Messages(Locale.ENGLISH).text(p))
                    .isEqualTo("'scp' is not an executor: use demo (the demo fleet), ssh or ssm.");
        });
    }
}
