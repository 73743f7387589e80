package io.camfleet.console.ui.shell;

import io.camfleet.console.ui.common.ScreenView;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry the shell finds screens in: no toolkit needed. */
class ScreenRegistryTest {

    private static final Screen MAP = new Screen("FLEET_MAP", Material2MZ.PUBLIC);
    private static final Screen TABLE = new Screen("FLEET_TABLE", Material2MZ.TABLE_CHART);
    private static final Screen IMAGES = new Screen("IMAGES", Material2AL.LAYERS);

    private static final ScreenView EMPTY = new ScreenView() {
        @Override
        public Node root() {
            return null;
        }
    };

    @Test
    void theNavigationListsOnlyRegisteredScreensInTheOrderTheyWereRegistered() {
        ScreenRegistry r = ScreenRegistry.builder().add(MAP, () -> EMPTY).add(TABLE, () -> EMPTY).home(TABLE).build();
        assertThat(r.screens()).containsExactly(MAP, TABLE);
        assertThat(r.home()).isEqualTo(TABLE);
        assertThat(r.find("IMAGES")).isEmpty();
        assertThat(r.find("FLEET_MAP")).contains(MAP);
        assertThat(r.settings()).as("nobody offers settings").isEmpty();
    }

    @Test
    void aScreenIsBuiltByItsFeatureOnlyWhenAskedFor() {
        List<Screen> built = new ArrayList<>();
        ScreenRegistry r = ScreenRegistry.builder().add(MAP, () -> {
            built.add(MAP);
            return EMPTY;
        }).build();
        assertThat(built).isEmpty();
        assertThat(r.create(MAP)).isSameAs(EMPTY);
        assertThat(built).containsExactly(MAP);
        assertThat(r.home()).as("the first one, when nobody names a home").isEqualTo(MAP);
    }

    @Test
    void aScreenNobodyRegisteredFailsAtOnceNamingIt() {
        ScreenRegistry r = ScreenRegistry.builder().add(MAP, () -> EMPTY).build();
        assertThatThrownBy(() -> r.create(IMAGES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No feature registered the screen IMAGES");
        assertThatThrownBy(() -> r.require(new Screen("FLEET_MAP", Material2AL.LAYERS)))
                .as("another screen under a registered name").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShellWithoutScreensOrWithAnUnregisteredHomeFailsAtStartUp() {
        assertThatThrownBy(() -> ScreenRegistry.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No feature registered a screen");
        assertThatThrownBy(() -> ScreenRegistry.builder().add(MAP, () -> EMPTY).home(TABLE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FLEET_TABLE")
                .hasMessageContaining("home screen");
        assertThatThrownBy(() -> ScreenRegistry.builder().add(MAP, () -> EMPTY).add(MAP, () -> EMPTY))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
    }
}
