package io.camfleet.console.domain.runbooks;

import io.camfleet.console.domain.runbooks.RunbookRefused.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunbookParameterTest {

    private static RunbookParameter bounded(ParameterType type, long min, long max) {
        return new RunbookParameter("n", type, "", false, "", min, max, List.of(), 0, false);
    }

    private static void refused(RunbookParameter p, String value, Reason reason) {
        assertThatThrownBy(() -> p.check(value)).as(value).isInstanceOfSatisfying(RunbookRefused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void anIntIsKeptWithinItsBoundsInclusiveAndRefusedOneBeyond() {
        RunbookParameter lines = bounded(ParameterType.INT, 1, 5000);

        assertThat(lines.check("1")).isEqualTo("1");
        assertThat(lines.check("5000")).isEqualTo("5000");
        refused(lines, "0", Reason.BAD_VALUE);
        refused(lines, "5001", Reason.BAD_VALUE);
        refused(lines, "-5", Reason.BAD_VALUE);
        refused(lines, "12abc", Reason.BAD_VALUE);
        refused(lines, "9999999999999999999", Reason.BAD_VALUE);
    }

    @Test
    void aDurationGoesInAsWholeSecondsAndItsBoundsAreSeconds() {
        // 90s = 90; 2m = 120; 1h = 3600; a bare 45 is seconds
        RunbookParameter wait = bounded(ParameterType.DURATION, 1, 3600);

        assertThat(wait.check("90s")).isEqualTo("90");
        assertThat(wait.check("2m")).isEqualTo("120");
        assertThat(wait.check("1h")).isEqualTo("3600");
        assertThat(wait.check("45")).isEqualTo("45");
        refused(wait, "61m", Reason.BAD_VALUE);
        refused(wait, "0s", Reason.BAD_VALUE);
        refused(wait, "1.5s", Reason.BAD_VALUE);
        refused(wait, "10 s", Reason.BAD_VALUE);
    }

    @Test
    void anEnumTakesOnlyItsValues() {
        RunbookParameter unit = new RunbookParameter("unit", ParameterType.ENUM, "chrony", false, "", null, null,
                List.of("chrony", "systemd-timesyncd"), 0, false);

        assertThat(unit.check("systemd-timesyncd")).isEqualTo("systemd-timesyncd");
        refused(unit, "ntpd", Reason.BAD_VALUE);
        assertThatThrownBy(() -> new RunbookParameter("unit", ParameterType.ENUM, "", false, "", null, null,
                List.of(), 0, false)).isInstanceOfSatisfying(RunbookRefused.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PARAMETER));
    }

    @Test
    void aPatternMustMatchTheWholeValue() {
        RunbookParameter host = new RunbookParameter("host", ParameterType.STRING, "", true, "[A-Za-z0-9.-]{1,253}",
                null, null, List.of(), 0, false);

        assertThat(host.check("iot.eu-west-1.amazonaws.com")).isEqualTo("iot.eu-west-1.amazonaws.com");
        refused(host, "iot.example.com;reboot", Reason.BAD_VALUE);
        refused(host, "", Reason.BAD_VALUE);
    }

    @Test
    void aDefaultThatBreaksItsOwnRulesIsRefusedWhenTheParameterIsBuilt() {
        assertThatThrownBy(() -> new RunbookParameter("lines", ParameterType.INT, "many", false, "", 1L, 10L,
                List.of(), 0, false)).isInstanceOfSatisfying(RunbookRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_PARAMETER);
                    assertThat(e.args()).first().isEqualTo("lines");
                });
    }

    @Test
    void aNameThatIsNotAPlainNameIsRefused() {
        assertThatThrownBy(() -> RunbookParameter.of("a b", ParameterType.STRING, "")).isInstanceOfSatisfying(
                RunbookRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PARAMETER_NAME));
    }
}
