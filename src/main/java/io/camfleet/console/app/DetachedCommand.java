package io.camfleet.console.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a command that runs on in the background ({@code deploy} without {@code --wait}) is started: as its parent
 * runs. The child gets the parent's JVM options (system properties, heap, module flags), the runtime's home folder
 * as {@code user.home} and the runtime's environment as its whole environment, because those decide what it reads:
 * {@code ~/.ssh/known_hosts} and the keys, {@code SSH_AUTH_SOCK}, {@code CAMFLEET_SSH_ROOT}, the AWS profiles. A child
 * that read another known_hosts would refuse every camera the parent trusts.
 */
final class DetachedCommand {

    private DetachedCommand() {
    }

    /**
     * The JVM options for the child: the parent's ({@code RuntimeMXBean} input arguments) without a debugger agent
     * (it would clash on its port), without what the child's environment gives it again ({@code JAVA_TOOL_OPTIONS},
     * {@code JDK_JAVA_OPTIONS}: an agent loaded twice), and without the parent's {@code user.home}; then
     * {@code -Duser.home=userHome}.
     */
    static List<String> jvmOptions(List<String> parentOptions, Map<String, String> env, String userHome) {
        List<String> options = new ArrayList<>(parentOptions);
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String given = env.getOrDefault(variable, "").strip();
            if (!given.isEmpty()) {
                Arrays.stream(given.split("\\s+")).forEach(options::remove);
            }
        }
        options.removeIf(o -> o.startsWith("-agentlib:jdwp") || o.startsWith("-Xrunjdwp") || o.equals("-Xdebug")
                || o.startsWith("-Duser.home="));
        options.add("-Duser.home=" + userHome);
        return options;
    }
}
