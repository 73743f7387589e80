package io.camfleet.console.app;

import io.camfleet.console.adapter.files.DataFolder;
import io.camfleet.console.adapter.files.SiteRegistryFile;
import io.camfleet.console.adapter.geo.NaturalEarthBasemap;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.cli.LaunchOptions;
import io.camfleet.console.service.FleetSource;
import io.camfleet.console.service.Messages;
import io.camfleet.console.service.Operator;
import io.camfleet.console.service.map.BasemapSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The composition root: everything the commands and the window use is built here, and only here. */
final class ConsoleRuntime implements ConsoleBackend {

    private final Clock clock;
    private final Map<String, String> env;
    private final String userHome;
    private final Operator operator;
    private final Messages messages;
    private final BasemapSource basemaps = new NaturalEarthBasemap();

    ConsoleRuntime(Clock clock, Map<String, String> env, String userHome, Operator operator, Messages messages) {
        this.clock = clock;
        this.env = env;
        this.userHome = userHome;
        this.operator = operator;
        this.messages = messages;
    }

    Path chooseFolder(Path option) {
        return DataFolder.choose(option, env, userHome);
    }

    @Override
    public int openWindow(LaunchOptions options) {
        return new DesktopConsole(this, options).run();
    }

    @Override
    public Session open(Path dataDir) {
        return open(dataDir, demoFleet(DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED));
    }

    @Override
    public Session open(Path dataDir, FleetSource source) {
        return openServices(chooseFolder(dataDir), source);
    }

    ConsoleServices openServices(Path folder, FleetSource source) {
        return ConsoleServices.open(folder, clock, source, operator, basemaps);
    }

    @Override
    public FleetSource demoFleet(int sites, long seed) {
        return new DemoFleetSource(sites, seed);
    }

    @Override
    public FleetSource importedFleet(Path file) {
        return new SiteRegistryFile(file);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    BasemapSource basemaps() {
        return basemaps;
    }

    Messages messages() {
        return messages;
    }

    Operator operator() {
        return operator;
    }
}
