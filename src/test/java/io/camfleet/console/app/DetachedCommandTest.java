package io.camfleet.console.app;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DetachedCommandTest {

    @Test
    void theChildGetsTheParentsOptionsAndTheRuntimesHomeButNoDebuggerOnTheSamePort() {
        List<String> parent = List.of("-Xmx512m", "-Dcamfleet.x=1", "-Duser.home=/home/real",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-Xrunjdwp:transport=dt_socket",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "-javaagent:/opt/agent.jar");
        assertThat(DetachedCommand.jvmOptions(parent, Map.of(), "/tmp/home")).containsExactly("-Xmx512m",
                "-Dcamfleet.x=1", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-javaagent:/opt/agent.jar",
                "-Duser.home=/tmp/home");
    }

    @Test
    void whatTheChildsEnvironmentGivesItAgainIsNotPassedTwice() {
        List<String> parent = List.of("-javaagent:/opt/agent.jar", "-Xss2m", "-Xmx1g");
        assertThat(DetachedCommand.jvmOptions(parent, Map.of("JAVA_TOOL_OPTIONS", " -javaagent:/opt/agent.jar ",
                "JDK_JAVA_OPTIONS", "-Xss2m"), "/h")).containsExactly("-Xmx1g", "-Duser.home=/h");
    }
}
