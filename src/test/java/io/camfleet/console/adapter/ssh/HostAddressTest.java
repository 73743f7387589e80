package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostAddressTest {

    @ParameterizedTest
    @CsvSource({
            "cam-01.example.com, cam-01.example.com, 22",
            "10.0.0.7:2222, 10.0.0.7, 2222",
            "[fe80::1%eth0]:22, fe80::1%eth0, 22",
            "[::1]:65535, ::1, 65535",
            "::1, ::1, 22",
            "' host_1 ', host_1, 22"})
    void anAddressTheFleetGivesIsReadAsHostAndPort(String address, String host, int port) {
        assertThat(HostAddress.parse(address)).isEqualTo(new HostAddress(host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h:abc", "h:", "h:99999", "h:0", "[::1", "[::1]x", "[zz]:22", ":22", "-oProxyCommand=x",
            "a b", "h:22:33x", "host/../x"})
    void anAddressThatCannotBeReadIsBadInputNamingIt(String address) {
        assertThatThrownBy(() -> HostAddress.parse(address)).isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT))
                .hasMessageContaining("'" + address.strip() + "' cannot be used");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyAddressIsNeverTakenForThisMachine(String address) {
        assertThatThrownBy(() -> HostAddress.parse(address)).isInstanceOf(Problem.class)
                .hasMessageContaining("has no SSH address");
    }
}
