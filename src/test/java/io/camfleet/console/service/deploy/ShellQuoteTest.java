package io.camfleet.console.service.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellQuoteTest {

    @Test
    void plainWordsStayBareForReadableLogs() {
        assertThat(ShellQuote.quote("/opt/camfleet/install.sh")).isEqualTo("/opt/camfleet/install.sh");
        assertThat(ShellQuote.quote("--site=north-7")).isEqualTo("--site=north-7");
    }

    @Test
    void theEmptyStringIsAnEmptyArgumentNotNone() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
    }

    @Test
    void everythingElseIsSingleQuotedAndASingleQuoteIsClosedEscapedAndReopened() {
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.quote("$(id)")).isEqualTo("'$(id)'");
        assertThat(ShellQuote.quote("`id`")).isEqualTo("'`id`'");
        assertThat(ShellQuote.quote("x; rm -rf /")).isEqualTo("'x; rm -rf /'");
        assertThat(ShellQuote.quote("line\nbreak")).isEqualTo("'line\nbreak'");
        assertThat(ShellQuote.quote("*")).isEqualTo("'*'");
        assertThat(ShellQuote.quote("\"")).isEqualTo("'\"'");
        assertThat(ShellQuote.quote("'")).isEqualTo("''\\'''");
    }

    @Test
    void aCommandIsTheQuotedWordsJoinedBySpaces() {
        assertThat(ShellQuote.command(List.of("printf", "%s\\n", "--", "a b", ""))).isEqualTo("printf '%s\\n' -- 'a b' ''");
        assertThatThrownBy(() -> ShellQuote.command(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
