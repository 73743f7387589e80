package io.camfleet.console.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Text bound for a terminal, with the characters that would act on the terminal instead of being shown escaped as
 * {@code \}{@code u001b}: C0 controls but newline and tab, DEL, C1 controls, and the bidirectional overrides and
 * isolates that reorder what follows them. Site names, camera ids, script output and error sentences come from the
 * fleet's records, which anyone who can edit a registry or a tag writes: an escape sequence in a site name must not
 * clear the operator's screen, set its title or hide text. The form is JSON's, so that JSON output stays valid JSON.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** {@code text} with every such character escaped; a carriage return is kept only before a newline. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (acts(c) && !lineEnd) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean acts(char c) {
        return c < 0x20 && c != '\n' && c != '\t'
                || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069;
    }

    /** A writer over {@code out} that escapes everything printed through it; {@code out} itself if it already does. */
    public static PrintWriter escaping(PrintWriter out) {
        return out instanceof EscapingWriter ? out : new EscapingWriter(out);
    }

    private static final class EscapingWriter extends PrintWriter {
        EscapingWriter(PrintWriter out) {
            super(new Writer() {
                @Override
                public void write(char[] chars, int offset, int length) {
                    out.write(escape(new String(chars, offset, length)));
                }

                @Override
                public void write(String s, int offset, int length) {
                    out.write(escape(s.substring(offset, offset + length)));
                }

                @Override
                public void flush() {
                    out.flush();
                }

                @Override
                public void close() {
                    out.close();
                }
            }, true);
        }
    }
}
