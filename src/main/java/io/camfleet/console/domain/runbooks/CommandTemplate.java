package io.camfleet.console.domain.runbooks;

import io.camfleet.console.domain.runbooks.RunbookRefused.Reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A shell command with {@code {{name}}} placeholders, each replaced by its value in single quotes (a {@code '} as
 * {@code '\''}), so that the remote POSIX shell reads one literal word whatever the value holds.
 *
 * <p>Single quotes only hold where the shell reads a new word. Inside double quotes, backticks or a here-document
 * they are plain characters and {@code $(...)} in the value would run; in a comment a newline would end the
 * comment; after a {@code \} the opening quote is escaped, after a {@code $} bash reads {@code $'...'} escapes. A
 * template with a placeholder in any of those places is refused when the runbook is read, not when it is run. The
 * reading follows nesting: inside {@code $( )} the shell parses quotes afresh, even within double quotes, so
 * {@code "$(cat {{f}})"} is accepted and {@code "$(echo "{{f}}")"} is not. It does not follow {@code case} patterns'
 * unbalanced {@code )} inside {@code $( )}: keep those out of templates with placeholders.
 */
public final class CommandTemplate {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** Literal text and placeholders, in order: a String is text, a Slot is a placeholder. */
    private final List<Object> parts;
    private final String text;

    private record Slot(String name) {
    }

    private CommandTemplate(String text, List<Object> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /**
     * Reads {@code text}.
     *
     * @throws RunbookRefused MALFORMED_PLACEHOLDER or UNSAFE_PLACEHOLDER
     */
    public static CommandTemplate parse(String text) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        // What encloses the current character, innermost last: ' " ` for quotes, ( for $( ), p for a plain ( )
        Deque<Character> open = new ArrayDeque<>();
        boolean comment = false;
        boolean hereDoc = false; // after <<, the rest is treated as the document's: no placeholder may follow
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            Character top = open.peekLast();
            if (c == '{' && text.startsWith("{{", i)) {
                int end = text.indexOf("}}", i + 2);
                if (end < 0) {
                    throw new RunbookRefused(Reason.MALFORMED_PLACEHOLDER, text.substring(i));
                }
                String name = text.substring(i + 2, end).strip();
                if (!NAME.matcher(name).matches()) {
                    throw new RunbookRefused(Reason.MALFORMED_PLACEHOLDER, text.substring(i, end + 2));
                }
                // a backslash before is always a pair here (\\), a literal one: a lone one took the { below.
                // Inside $( ) the shell parses quotes afresh, even within double quotes: a word starts there too.
                boolean wordStart = top == null || ((top == '(' || top == 'p') && !open.contains('`'));
                if (!wordStart || comment || hereDoc || (i > 0 && text.charAt(i - 1) == '$')) {
                    throw new RunbookRefused(Reason.UNSAFE_PLACEHOLDER, name);
                }
                parts.add(literal.toString());
                literal.setLength(0);
                parts.add(new Slot(name));
                i = end + 2;
                continue;
            }
            literal.append(c);
            boolean code = top == null || top == '(' || top == 'p' || top == '`';
            if (comment) {
                comment = c != '\n';
            } else if (top != null && top == '\'') {
                if (c == '\'') {
                    open.removeLast();
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                if (text.startsWith("{{", i + 1)) {
                    // \'value' would escape the opening quote and leave the value bare
                    throw new RunbookRefused(Reason.UNSAFE_PLACEHOLDER, text.substring(i + 1, Math.min(text.length(), i + 40)));
                }
                // the next character is taken as it is (outside single quotes)
                literal.append(text.charAt(++i));
            } else if (c == '$' && text.startsWith("(", i + 1) && (code || top == '"')) {
                open.addLast('(');
                literal.append(text.charAt(++i));
            } else if (top != null && top == '"') {
                if (c == '"') {
                    open.removeLast();
                } else if (c == '`') {
                    open.addLast('`');
                }
            } else if (c == '`' && top != null && top == '`') {
                open.removeLast();
            } else if (c == '\'' || c == '"' || c == '`') {
                open.addLast(c);
            } else if (c == '(') {
                open.addLast('p');
            } else if (c == ')') {
                if (top != null && (top == 'p' || top == '(')) {
                    open.removeLast();
                }
            } else if (c == '#' && (i == 0 || " \t\n;&|()".indexOf(text.charAt(i - 1)) >= 0)) {
                comment = true;
            } else if (c == '<' && text.startsWith("<<", i)) {
                hereDoc = true;
            }
            i++;
        }
        parts.add(literal.toString());
        return new CommandTemplate(text, parts);
    }

    /** The placeholders' names, in the order they first appear. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        parts.stream().filter(Slot.class::isInstance).forEach(p -> names.add(((Slot) p).name()));
        return names;
    }

    /** The command with each placeholder replaced by its value, quoted; every placeholder must have a value. */
    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Slot slot) {
                String v = values.get(slot.name());
                if (v == null) {
                    throw new RunbookRefused(Reason.UNKNOWN_PLACEHOLDER, slot.name());
                }
                out.append(quote(v));
            } else {
                out.append((String) p);
            }
        }
        return out.toString();
    }

    /** One literal word for a POSIX shell: in single quotes, inside which nothing is special but the quote itself. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandTemplate t && t.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
