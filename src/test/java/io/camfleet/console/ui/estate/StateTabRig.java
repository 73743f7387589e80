package io.camfleet.console.ui.estate;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.AwsDriftInventory;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.adapter.aws.TerraformSeeder;
import io.camfleet.console.adapter.aws.TerraformStateReader;
import io.camfleet.console.adapter.files.JsonSettingsStore;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.terraform.ManagedTag;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.terraform.StateLocation;
import io.camfleet.console.service.terraform.TerraformService;
import io.camfleet.console.service.terraform.TerraformSettings;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two environments on one moto_server, as the Terraform state tab's UI tests need them: "eu" on eu-west-1 and "us" on
 * us-east-2 (moto refuses a us-east-1 location constraint, which TerraformSeeder sends), each with its state in its own bucket and live instances, images and IoT things that drift from it;
 * and the tab over the real services, a real H2 cache and a real settings file in {@code folder}.
 */
final class StateTabRig implements AutoCloseable {

    static final Map<String, String> MANAGED = Map.of("ManagedBy", "terraform");

    final MotoServer moto;
    final Path folder;
    final Environment eu;
    final Environment us;
    final Messages m = new Messages(Locale.ENGLISH);
    final AwsClients clients;
    final CacheDatabase database;
    final SettingsStore settings;
    String euTerminated;
    String euUntracked;
    String usUntracked;

    StateTabRig(MotoServer moto, Path folder) {
        this.moto = moto;
        this.folder = folder;
        this.eu = moto.environment("eu", "moto-a", "eu-west-1");
        this.us = moto.environment("us", "moto-a", "us-east-2");
        this.clients = moto.clients(op -> { });
        this.database = CacheDatabase.open(folder, Clock.systemUTC());
        this.settings = new JsonSettingsStore(folder.resolve("settings.json"), List.of(SourceSettings.SECTION,
                TerraformSettings.SECTION), Clock.systemUTC());
    }

    /**
     * eu: state serial 11 holding 2 instances (one since terminated), 1 image, things cam-1 and cam-2 (cam-2 never
     * made); in AWS also an instance tagged managed the state lacks. us: state serial 22 holding 1 instance; in AWS
     * also a tagged instance it lacks.
     */
    StateTabRig seed() {
        try (TerraformSeeder s = new TerraformSeeder(moto, eu)) {
            String kept = s.instance(Map.of("ManagedBy", "terraform", "Name", "gateway-eu"));
            euTerminated = s.instance(MANAGED);
            euUntracked = s.instance(Map.of("ManagedBy", "terraform", "Name", "by-hand"));
            s.terminate(euTerminated);
            String image = s.image(kept, "camos-2026.11", MANAGED);
            s.thing("cam-1", MANAGED);
            Map<String, List<String>> ids = new LinkedHashMap<>();
            ids.put("aws_instance", List.of(kept, euTerminated));
            ids.put("aws_ami", List.of(image));
            ids.put("aws_iot_thing", List.of("cam-1", "cam-2"));
            s.bucket("tf-eu").object("tf-eu", "eu/terraform.tfstate", TerraformSeeder.state(11, ids));
        }
        try (TerraformSeeder s = new TerraformSeeder(moto, us)) {
            String kept = s.instance(MANAGED);
            usUntracked = s.instance(MANAGED);
            s.bucket("tf-us").object("tf-us", "us/terraform.tfstate",
                    TerraformSeeder.state(22, Map.of("aws_instance", List.of(kept))));
        }
        return this;
    }

    /** Both environments' states in the settings, or only {@code labels}'. */
    StateTabRig configure(String... labels) {
        TerraformSettings t = TerraformSettings.DEFAULTS;
        for (String label : labels) {
            t = t.with(label, new StateLocation("tf-" + label, label + "/terraform.tfstate", ""));
        }
        settings.write(TerraformSettings.SECTION, new TerraformSettings(t.states(), ManagedTag.DEFAULT, 256));
        return this;
    }

    /** The estate screen with the state tab alone, on the folder's cache and settings. */
    EstateView view(ExecutorService workers) {
        TerraformService terraform = new TerraformService(new TerraformStateReader(() -> clients),
                new AwsDriftInventory(() -> clients), () -> settings.read().require(TerraformSettings.SECTION),
                () -> List.of(eu, us));
        EstateCache cache = new EstateCache(database.snapshots(), Clock.systemUTC());
        StateTab tab = new StateTab(new StateTabModel(new StateTabModel.Parts(terraform, cache, settings),
                new BackgroundTasks(workers), m), m, ZoneOffset.UTC, Clock.systemUTC());
        return new EstateView(() -> List.of(eu, us), List.of(tab), new BackgroundTasks(workers), m);
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    static void waitForText(FxRobot robot, String id, String part) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(id).tryQueryAs(Label.class)
                    .map(l -> l.getText() != null && l.getText().contains(part)).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(id + " never said '" + part + "'; it says '" + text(robot, id) + "'", e);
        }
        WaitForAsyncUtils.waitForFxEvents(); // the condition was read off the FX thread: let its turn finish
    }

    @SuppressWarnings("unchecked")
    static <T> TableView<T> table(FxRobot robot, String id) {
        return (TableView<T>) robot.lookup(id).queryAs(TableView.class);
    }

    @Override
    public void close() {
        clients.close();
        database.close();
    }
}
