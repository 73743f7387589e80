package io.camfleet.console.app;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The jar's entry point: checks the Java version before anything else loads, then hands over to {@link Main}.
 * Compiled for Java 8 (a compiler run of its own, see pom.xml), so that an older Java gets one sentence instead of an
 * {@code UnsupportedClassVersionError} for the first class of the console it meets. Only the JDK is used here.
 */
public final class Launcher {

    /** The oldest Java the console runs on (its classes are compiled for it). */
    static final int NEEDED = 21;
    /** What a Java too old exits with: like any other environment that cannot be used. */
    static final int UNAVAILABLE = 3;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int found = feature(System.getProperty("java.specification.version", "0"));
        if (found < NEEDED) {
            ResourceBundle texts = ResourceBundle.getBundle("io.camfleet.console.messages", Locale.getDefault());
            System.err.println("camfleet: " + MessageFormat.format(texts.getString("launcher.javaTooOld"),
                    String.valueOf(NEEDED), String.valueOf(found), System.getProperty("java.home", "?")));
            System.exit(UNAVAILABLE);
        }
        MethodHandle main = MethodHandles.publicLookup().findStatic(Class.forName("io.camfleet.console.app.Main"),
                "main", MethodType.methodType(void.class, String[].class));
        main.invokeExact(args);
    }

    /** The feature release of a {@code java.specification.version}: 8 for "1.8", 17 for "17". */
    static int feature(String specification) {
        String s = specification.startsWith("1.") ? specification.substring(2) : specification;
        int dot = s.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
