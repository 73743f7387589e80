package io.camfleet.console.app.features;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.Ec2Images;
import io.camfleet.console.cli.ImagesCommand;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.images.ImageActions;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.images.ImageSettings;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * EC2 images of each AWS environment: the catalogue (read from AWS each time; the Images tab keeps its last one) with lineage, copies, usage
 * and the outdated rule; the image actions, audited; {@code camfleet images}. Their screen is the Images tab of
 * {@link EstateFeature}.
 */
public final class ImagesFeature implements Feature {

    private final Supplier<AwsClients> aws;

    /** @param aws the console's AWS clients, built only when images are read */
    public ImagesFeature(Supplier<AwsClients> aws) {
        this.aws = aws;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var file = SettingsFile.in(folder.folder().path());
        // read at each use: at most every 10 s, so a change in Settings applies within that
        Supplier<ImageSettings> settings = Recent.of(() -> file.read().get(ImageSettings.SECTION),
                Duration.ofSeconds(10));
        Ec2Images cloud = new Ec2Images(aws, Duration.ofSeconds(5));
        Lazy<ImageCatalogue> catalogue = new Lazy<>(() -> new ImageCatalogue(cloud, settings,
                () -> file.read().get(SourceSettings.SECTION).environments(),
                () -> folder.database().fleet().read().fleet().cameras(), folder.clock()));
        parts.add(ImageCatalogue.class, catalogue);
        parts.add(ImageActions.class, new Lazy<>(() -> new ImageActions(cloud, catalogue.get(), folder.audit(),
                folder.clock())));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new ImagesCommand(m));
    }
}
