package io.camfleet.console.domain.runbooks;

import io.camfleet.console.domain.runbooks.RunbookRefused.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Templating with hostile values, proved inert by running the rendered command in a real /bin/sh. */
class RunbookTemplatingTest {

    private static Runbook echo(String command, RunbookParameter... parameters) {
        return new Runbook("echo", "Echo", "", RunbookKind.DIAGNOSTIC, CommandTemplate.parse(command),
                List.of(parameters), Duration.ofSeconds(10), 0);
    }

    private static RunbookParameter text(String name) {
        return new RunbookParameter(name, ParameterType.STRING, "", true, "", null, null, List.of(), 0, false);
    }

    /** What /bin/sh prints for the command, in a folder of its own so that a glob or a touch would show. */
    private static String sh(String command, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("sh finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit of: %s\n%s", command, out).isZero();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"$(touch pwned)", "`touch pwned`", "a; touch pwned", "a | touch pwned", "a && touch pwned",
            "it's", "'; touch pwned; '", "\"; touch pwned; \"", "'\\''", "*", "?", "[a-z]*", "~", "$HOME", "${PATH}",
            "a b\tc", "\\", "\\'", "!x", "a > pwned", "<pwned", "#comment", "{a,b}", "%s%n", "é 中 \u00a0"})
    void aHostileValueReachesTheProgramAsOneLiteralWord(String hostile, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("abc"), "");  // something for a glob to match
        String command = echo("printf '[%s]\\n' {{x}}", text("x")).render(Map.of("x", hostile));

        assertThat(sh(command, dir)).isEqualTo("[" + hostile + "]\n");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aValueGluedToTemplateTextStaysOneWordWithIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Runbook r = echo("printf '[%s]\\n' https://{{host}}:{{port}}/health", text("host"),
                RunbookParameter.of("port", ParameterType.INT, "443"));

        assertThat(sh(r.render(Map.of("host", "a b;$(touch pwned)")), dir))
                .isEqualTo("[https://a b;$(touch pwned):443/health]\n");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aValueInsideACommandSubstitutionWithinDoubleQuotesIsStillOneWord(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // $( ) starts a fresh parse even inside "...": the single quotes hold there
        String hostile = "\"; touch pwned; \"$(touch pwned)'";
        String command = echo("printf '[%s]\\n' \"$(printf '%s' {{x}})\"", text("x")).render(Map.of("x", hostile));

        assertThat(sh(command, dir)).isEqualTo("[" + hostile + "]\n");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aSingleQuoteIsWrittenAsCloseEscapedQuoteOpen() {
        // it's -> 'it'\''s': the quote closes, \' is a literal quote, a new quote opens
        assertThat(CommandTemplate.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-rf", "--help", "-"})
    void aStringStartingWithADashIsRefusedSoNoProgramReadsItAsAnOption(String dashed) {
        assertThatThrownBy(() -> echo("ls -- {{x}}", text("x")).render(Map.of("x", dashed)))
                .isInstanceOfSatisfying(RunbookRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LEADING_DASH);
                    assertThat(e.args()).containsExactly("x");
                });
    }

    @Test
    void aPathMustBeAbsoluteWithoutDotDotSoItCannotStartWithADashEither() {
        RunbookParameter path = RunbookParameter.of("dir", ParameterType.PATH, "/var/cache/camos");
        Runbook r = echo("du -sh -- {{dir}}", path);

        assertThat(r.render(Map.of())).isEqualTo("du -sh -- '/var/cache/camos'");
        for (String bad : List.of("-rf", "var/cache", "/var/cache/../../etc", "..")) {
            assertThatThrownBy(() -> r.render(Map.of("dir", bad))).isInstanceOfSatisfying(RunbookRefused.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.BAD_VALUE));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\rb", "a\0b"})
    void aValueWithANulOrANewlineIsRefused(String value) {
        assertThatThrownBy(() -> echo("echo {{x}}", text("x")).render(Map.of("x", value)))
                .isInstanceOfSatisfying(RunbookRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSAFE_VALUE);
                    assertThat(e.args()).containsExactly("x", "256");
                });
    }

    @Test
    void aMultilineStringKeepsItsNewlinesInertThroughTheShell(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        RunbookParameter note = new RunbookParameter("note", ParameterType.STRING, "", true, "", null, null, List.of(),
                0, true);
        String hostile = "line one\n; touch pwned\n$(touch pwned)";

        assertThat(sh(echo("printf '[%s]' {{note}}", note).render(Map.of("note", hostile)), dir))
                .isEqualTo("[" + hostile + "]");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aValueOverItsLengthLimitIsRefusedAndOneAtTheLimitKept() {
        RunbookParameter shortOne = new RunbookParameter("x", ParameterType.STRING, "", true, "", null, null,
                List.of(), 8, false);
        Runbook r = echo("echo {{x}}", shortOne);

        assertThat(r.render(Map.of("x", "12345678"))).isEqualTo("echo '12345678'");
        assertThatThrownBy(() -> r.render(Map.of("x", "123456789"))).isInstanceOfSatisfying(RunbookRefused.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_VALUE));
    }

    @Test
    void aMissingRequiredValueIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> echo("echo {{x}}", text("x")).render(Map.of()))
                .isInstanceOfSatisfying(RunbookRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.MISSING_VALUE);
                    assertThat(e.args()).containsExactly("x");
                });
    }

    @Test
    void aValueForAParameterTheRunbookDoesNotHaveIsRefusedNotIgnored() {
        assertThatThrownBy(() -> echo("echo {{x}}", text("x")).render(Map.of("x", "a", "lnies", "5")))
                .isInstanceOfSatisfying(RunbookRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PARAMETER);
                    assertThat(e.args()).containsExactly("lnies", "x");
                });
    }

    @Test
    void anUnknownPlaceholderIsRefusedWhenTheRunbookIsBuilt() {
        assertThatThrownBy(() -> echo("echo {{x}} {{y}}", text("x")))
                .isInstanceOfSatisfying(RunbookRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PLACEHOLDER);
                    assertThat(e.args()).containsExactly("y");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo \"{{x}}\"", "echo '{{x}}'", "echo `{{x}}`", "echo ok # {{x}}", "echo ${{x}}",
            "cat <<EOF\n{{x}}\nEOF", "echo \\{{x}}", "sh -c 'echo {{x}}'", "echo \"a $(b) {{x}}\"",
            "echo \"$(echo \"{{x}}\")\"", "echo \"$(echo ')' \"{{x}}\")\"", "echo \"$(echo `{{x}}`)\"",
            "echo $( (echo \"{{x}}\") )"})
    void aPlaceholderWhereSingleQuotesCannotHoldIsRefused(String template) {
        assertThatThrownBy(() -> CommandTemplate.parse(template)).isInstanceOfSatisfying(RunbookRefused.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_PLACEHOLDER));
    }

    @Test
    void theRefusedPlacesWouldRunTheValueWithoutTheCheck(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Why the check above exists: the same quoting inside double quotes leaves $(...) live.
        String inDoubleQuotes = "echo \"" + CommandTemplate.quote("$(touch pwned)") + "\"";
        sh(inDoubleQuotes, dir);
        assertThat(dir.resolve("pwned")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo \\\\{{x}}", "echo \"$a\" {{x}} 'b'", "echo a#b {{x}}", "echo '#' {{x}}",
            "echo $(cat {{x}})", "echo \"$(cat {{x}})\"", "echo \"$(printf \"%s\" a)\" {{x}}",
            "echo \"$(echo ')')\" {{x}}", "echo $(echo $(echo {{x}}))"})
    void aPlaceholderAfterClosedQuotesOrALiteralHashIsAccepted(String template) {
        assertThat(CommandTemplate.parse(template).placeholders()).containsExactly("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"echo {{}}", "echo {{a b}}", "echo {{x", "echo {{1x}}"})
    void aMalformedPlaceholderIsRefused(String template) {
        assertThatThrownBy(() -> CommandTemplate.parse(template)).isInstanceOfSatisfying(RunbookRefused.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PLACEHOLDER));
    }
}
