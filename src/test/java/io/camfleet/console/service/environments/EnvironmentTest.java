package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentTest {

    @Test
    void anEnvironmentAsTypedIsTrimmedAndItsEndpointKept() {
        Environment e = Environment.of(" prod-eu ", " ops ", " eu-west-1 ", " http://127.0.0.1:5000 ");
        assertThat(e.label()).isEqualTo("prod-eu");
        assertThat(e.profile()).isEqualTo("ops");
        assertThat(e.region()).isEqualTo("eu-west-1");
        assertThat(e.endpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        assertThat(e.profileOrDefault()).isEqualTo("ops");
    }

    @Test
    void noProfileMeansTheDefaultOneAndNoEndpointMeansAws() {
        Environment e = Environment.of("prod-us", "", "us-gov-west-1", "  ");
        assertThat(e.profileOrDefault()).isEqualTo("default");
        assertThat(e.endpoint()).isNull();
        assertThat(new Environment(null, null, null, null).label()).isEmpty();
        assertThat(Environment.of("a", null, "eu-west-1", null).profile()).isEmpty();
        assertThat(Environment.of("x".repeat(32), "p".repeat(64), "ap-southeast-2", "https://moto.local").label())
                .hasSize(32);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|ops|eu-west-1|''|environment.badLabel",
            "-prod|ops|eu-west-1|''|environment.badLabel",
            "prod eu|ops|eu-west-1|''|environment.badLabel",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|ops|eu-west-1|''|environment.badLabel",
            "prod|o p|eu-west-1|''|environment.badProfile",
            "prod|pppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp|eu-west-1|''|environment.badProfile",
            "prod|ops|Europe|''|environment.badRegion",
            "prod|ops|eu-west|''|environment.badRegion",
            "prod|ops|''|''|environment.badRegion",
            "prod|ops|eu-west-1|ftp://host|environment.badEndpoint",
            "prod|ops|eu-west-1|http://|environment.badEndpoint",
            "prod|ops|eu-west-1|not a uri|environment.badEndpoint",
            "prod|ops|eu-west-1|localhost:5000|environment.badEndpoint"})
    void aWrongFieldIsBadInputNamingThatField(String label, String profile, String region, String endpoint,
                                              String key) {
        assertThatThrownBy(() -> Environment.of(label, profile, region, endpoint))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo(key);
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                });
    }
}
