package io.camfleet.console.ui.common;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/** A screen shown in the shell's content area. */
public interface ScreenView {

    Node root();

    /** Ctrl+F: puts the cursor in this screen's search box; false when the screen has none. */
    default boolean focusSearch() {
        return false;
    }

    /**
     * The bar at the bottom of this screen whose buttons the window's notifications must not cover (they float above
     * it); null when the screen has none.
     */
    default Region bottomBar() {
        return null;
    }
}
