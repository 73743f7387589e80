package io.camfleet.console.service.deploy;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting for the command lines sent over SSH, where the remote shell parses them again. Site and host
 * names can contain anything: each argument is wrapped in single quotes (inside which nothing is special) and a
 * single quote becomes {@code '\''}. Quoting keeps an argument one literal word; it does not stop a program from
 * reading a leading {@code -} as an option, so scripts put {@code --} before free-form arguments.
 */
public final class ShellQuote {

    /** Words that need no quotes; left bare so that logged command lines stay readable. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    public static String quote(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The command line: each element quoted, joined by spaces; the first is the program. */
    public static String command(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no program to run");
        }
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
