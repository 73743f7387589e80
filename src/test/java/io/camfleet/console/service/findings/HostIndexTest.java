package io.camfleet.console.service.findings;

import io.camfleet.console.domain.fleet.CameraSystem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names a scanner may give a camera's host. */
class HostIndexTest {

    private final HostIndex hosts = new HostIndex(FindingsRig.FLEET);

    @Test
    void aCameraIsFoundByIdHostNameSshAddressOrSsmNodeInAnyCase() {
        assertThat(hosts.camera("cam-3")).map(CameraSystem::id).contains("cam-3");
        assertThat(hosts.camera("GATE-CAM.lisbon.example")).map(CameraSystem::id).contains("cam-2");
        assertThat(hosts.camera("ops@10.0.0.12:2222")).map(CameraSystem::id).contains("cam-2");
        assertThat(hosts.camera("10.0.0.12")).map(CameraSystem::id).contains("cam-2");
        assertThat(hosts.camera("root@10.0.0.11:22")).map(CameraSystem::id).contains("cam-1");
        assertThat(hosts.camera("mi-0aaa")).map(CameraSystem::id).contains("cam-1");
        assertThat(hosts.camera("i-0bbb")).map(CameraSystem::id).contains("cam-2");
    }

    @Test
    void anUnknownOrEmptyHostIsNoCamera() {
        assertThat(hosts.camera("10.9.9.9")).isEmpty();
        assertThat(hosts.camera("")).isEmpty();
        assertThat(hosts.camera(null)).isEmpty();
    }
}
