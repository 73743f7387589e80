package io.camfleet.console.app.features;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.CostExplorerSpend;
import io.camfleet.console.adapter.aws.Ec2CleanupInventory;
import io.camfleet.console.cli.CostCommand;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.cost.CostService;
import io.camfleet.console.service.cost.CostSettings;
import io.camfleet.console.service.environments.SourceSettings;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Cost of the AWS environments: Cost Explorer per account (by service, site, customer or environment), per site and
 * camera, and the cleanup hints; {@code camfleet cost}. Each command asks Cost Explorer anew ($0.01 a call); the
 * Cost tab of {@link EstateFeature} keeps what it read in the estate cache and asks again only on Refresh.
 */
public final class CostFeature implements Feature {

    private final Supplier<AwsClients> aws;

    /** @param aws the console's AWS clients, built only when cost is read */
    public CostFeature(Supplier<AwsClients> aws) {
        this.aws = aws;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var file = SettingsFile.in(folder.folder().path());
        var fleet = folder.database().fleet();
        Supplier<List<CameraSystem>> cameras = () -> fleet.read().fleet().cameras();
        parts.add(CostService.class, new Lazy<>(() -> new CostService(new CostExplorerSpend(aws),
                new Ec2CleanupInventory(aws), () -> file.read().get(SourceSettings.SECTION).environments(),
                () -> file.read().get(CostSettings.SECTION),
                () -> camerasPerSite(cameras.get()), () -> images(cameras.get()), folder.clock())));
    }

    /**
     * Cameras per site as the site tag names it: the site's own id in AWS IoT (its thing group), without the
     * environment the console puts before it ({@code eu/ams-01} is tagged {@code ams-01}). A site of that id in two
     * environments counts the cameras of both, as Cost Explorer's lines for it are summed over the accounts too.
     */
    static Map<String, Integer> camerasPerSite(List<CameraSystem> cameras) {
        return cameras.stream().filter(c -> c.siteId() != null).collect(Collectors.groupingBy(
                c -> c.siteId().substring(c.siteId().indexOf('/') + 1), Collectors.summingInt(c -> 1)));
    }

    static Set<String> images(List<CameraSystem> cameras) {
        return cameras.stream().map(CameraSystem::image).filter(Objects::nonNull).filter(i -> !i.isBlank())
                .collect(Collectors.toSet());
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new CostCommand(m));
    }
}
