package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalTextTest {

    @Test
    void controlsThatActOnATerminalAreShownAsEscapes() {
        assertThat(TerminalText.escape("a\u001b[2Jb\u001b]0;title\u0007c")).isEqualTo("a\\u001b[2Jb\\u001b]0;title\\u0007c");
        assertThat(TerminalText.escape("del\u007f csi\u009b nel\u0085")).isEqualTo("del\\u007f csi\\u009b nel\\u0085");
        assertThat(TerminalText.escape("abc\u202edef\u2066x\u2069")).isEqualTo("abc\\u202edef\\u2066x\\u2069");
        assertThat(TerminalText.escape("over\rwrite\bback\u0000")).isEqualTo("over\\u000dwrite\\u0008back\\u0000");
    }

    @Test
    void lineBreaksTabsAndOrdinaryTextPassAsTheyAre() {
        String plain = "Amsterdam Hub\tAMS-1\nZürich 東京 مرحبا\r\n";
        assertThat(TerminalText.escape(plain)).isSameAs(plain);
    }

    @Test
    void jsonStaysValidJsonWithTheSameValues() throws Exception {
        String name = "Evil\u001b[2J\u009b\u202e Site\u007f";
        String json = new ObjectMapper().createObjectNode().put("site", name).toPrettyString();

        String shown = TerminalText.escape(json);

        assertThat(shown).doesNotContain("\u001b", "\u009b", "\u202e", "\u007f");
        assertThat(new ObjectMapper().readTree(shown).get("site").asText()).isEqualTo(name);
    }

    @Test
    void aWriterEscapesWhatIsPrintedThroughItAndIsNotWrappedTwice() {
        StringWriter sink = new StringWriter();
        PrintWriter out = TerminalText.escaping(new PrintWriter(sink, true));

        out.printf("site %s%n", "x\u001b[31m");
        out.print('\u0007');
        out.println();

        assertThat(sink.toString()).isEqualTo("site x\\u001b[31m" + System.lineSeparator() + "\\u0007"
                + System.lineSeparator());
        assertThat(TerminalText.escaping(out)).isSameAs(out);
    }
}
