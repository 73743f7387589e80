package io.camfleet.console.app;

import io.camfleet.console.cli.LaunchOptions;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console as {@code camfleet} starts it, in a JVM of its own: prints {@code SHOWN} when the window shows and
 * {@code FLEET <n> sites <m> cameras} when the live fleet does, then closes the window at once, as an operator might while the
 * cache is still being written, and exits with the console's exit code. Arguments: the data folder, and the number
 * of demo sites (default 2,500).
 */
public final class WindowProbe {

    /** Headless screen settings this JVM passes on to the probe's. */
    private static final String[] FORWARDED = {"glass.platform", "monocle.platform", "prism.order", "prism.text",
            "java.awt.headless", "headless.geometry"};

    private WindowProbe() {
    }

    /** The command line that runs the probe with this JVM's {@code java} and headless settings. */
    public static List<String> command(String classPath, List<String> jvmOptions, Path folder, int sites) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(jvmOptions);
        for (String p : FORWARDED) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of("-cp", classPath, WindowProbe.class.getName(), folder.toString(),
                Integer.toString(sites)));
        return cmd;
    }

    public static void main(String[] args) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), System.getProperty("user.home"),
                new Operator("probe", ""), new Messages(Locale.getDefault()));
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 2_500;
        LaunchOptions options = new LaunchOptions(Path.of(args[0]), sites, 42);
        Stage[] stage = new Stage[1];
        int code = new DesktopConsole(runtime, options).run(new DesktopWindow.Events() {
            @Override
            public void windowShown(Stage s) {
                stage[0] = s;
                System.out.println("SHOWN");
            }

            @Override
            public void fleetShown(FleetSnapshot snapshot) {
                System.out.println("FLEET " + snapshot.siteCount() + " sites " + snapshot.cameraCount() + " cameras");
                Platform.runLater(() -> stage[0].close());
            }
        });
        System.out.println("EXIT " + code);
        System.exit(code);
    }
}
