package io.camfleet.console.ui.estate;

import io.camfleet.console.service.environments.Environment;
import javafx.scene.Node;

/**
 * One tab of the AWS estate screen (images, patches and findings, Terraform state, cost). Each tab shows what was last
 * read for the environment picked (from the {@code EstateCache}, stamped "as of") and reads AWS again only on its own
 * Refresh, off the FX thread.
 */
public interface EstateTab {

    /** Stable name: the tab's node id is {@code estate-tab-<id>} and its title the message {@code estate.tab.<id>}. */
    String id();

    Node root();

    /**
     * Called on the FX thread when the tab is first shown, and again when the environment picked changes while it is
     * shown (a hidden tab is told when it is next shown). {@code environment} is null when none is configured.
     */
    void show(Environment environment);

    /** Ctrl+F: puts the cursor in this tab's search box; false when it has none. */
    default boolean focusSearch() {
        return false;
    }
}
