package io.camfleet.console.ui.common;

import javafx.scene.Node;

/** A screen shown in the shell's content area. */
public interface ScreenView {

    Node root();

    /** Ctrl+F: puts the cursor in this screen's search box; false when the screen has none. */
    default boolean focusSearch() {
        return false;
    }
}
