package io.camfleet.console.app.features;

import io.camfleet.console.service.cost.CostService;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.PatchComplianceService;
import io.camfleet.console.service.images.ImageActions;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.terraform.TerraformService;
import io.camfleet.console.ui.estate.CostTab;
import io.camfleet.console.ui.estate.CostTabModel;
import io.camfleet.console.ui.estate.EstateTab;
import io.camfleet.console.ui.estate.EstateView;
import io.camfleet.console.ui.estate.FindingsTab;
import io.camfleet.console.ui.estate.ImagesTab;
import io.camfleet.console.ui.estate.StateTab;
import io.camfleet.console.ui.estate.StateTabModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import org.kordamp.ikonli.material2.Material2AL;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS estate screen: the images, patches and findings, Terraform state and cost of each AWS environment, over the
 * services of {@link ImagesFeature}, {@link FindingsFeature}, {@link TerraformFeature} and {@link CostFeature}, with
 * what was last read kept in the {@link EstateCache}.
 */
public final class EstateFeature implements Feature {

    public static final Screen ESTATE = new Screen("ESTATE", Material2AL.CLOUD_QUEUE);

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        parts.add(EstateCache.class, new Lazy<>(() -> new EstateCache(folder.database().snapshots(),
                folder.clock())));
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(ESTATE, () -> new EstateView(
                () -> SettingsFile.in(w.folder()).read().get(SourceSettings.SECTION).environments(),
                tabs(w), w.tasks(), w.messages()));
    }

    /** The tabs, in order; each is built with the screen, on its first visit. */
    private static List<EstateTab> tabs(WindowContext w) {
        List<EstateTab> tabs = new ArrayList<>();
        tabs.add(new ImagesTab(() -> w.session().part(ImageCatalogue.class),
                () -> w.session().part(ImageActions.class), () -> w.session().part(EstateCache.class), w.tasks(),
                w.messages(), w.zone(), Clock.system(w.zone()), Duration.ofSeconds(15)));
        tabs.add(new FindingsTab(w.session().part(FindingsService.class), w.session().part(
                PatchComplianceService.class), w.tasks(), w.messages(), w.zone(), Clock.systemUTC()));
        tabs.add(new StateTab(new StateTabModel(new StateTabModel.Parts(w.session().part(TerraformService.class),
                w.session().part(EstateCache.class), SettingsFile.in(w.folder())), w.tasks(), w.messages()),
                w.messages(), w.zone(), Clock.systemUTC()));
        tabs.add(new CostTab(new CostTabModel(w.session().part(CostService.class),
                w.session().part(EstateCache.class), w.tasks(), w.messages()), w.messages(), w.zone(),
                Clock.systemUTC()));
        return tabs;
    }
}
