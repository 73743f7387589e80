package io.camfleet.console.app.features;

import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.shell.ScreenRegistry;

import java.util.List;

/**
 * One capability of the console (fleet, map, deployments, audit, settings, and each one to come), registering in
 * one place what it adds: its services over an open data folder, its screens, and its commands. The composition
 * root lists the features; nothing else knows them.
 */
public interface Feature {

    /** Adds this capability's services to a data folder being opened, for the window and the commands alike. */
    default void open(OpenFolder folder, FolderParts.Builder parts) {
    }

    /**
     * Registers this capability's screens, in navigation order, and whatever else it adds to the window. Nothing is
     * built here: a screen is built on its first visit, once the data folder is open.
     */
    default void window(WindowContext window, ScreenRegistry.Builder screens) {
    }

    /** Called on the FX thread once the window's data folder is open. */
    default void opened(WindowContext window, ConsoleBackend.Session session) {
    }

    /** Its {@code camfleet} subcommands (picocli command objects). */
    default List<Object> commands(Messages messages) {
        return List.of();
    }
}
