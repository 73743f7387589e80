package io.camfleet.console.app.features;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.AwsDriftInventory;
import io.camfleet.console.adapter.aws.TerraformStateReader;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.terraform.TerraformService;
import io.camfleet.console.service.terraform.TerraformSettings;

import java.util.function.Supplier;

/**
 * Each environment's Terraform state, read only from its S3 backend, and its drift hints against AWS; {@code camfleet
 * env state}. Their screen is the Terraform state tab of {@link EstateFeature}.
 */
public final class TerraformFeature implements Feature {

    private final Supplier<AwsClients> aws;

    /** @param aws the console's AWS clients, built only when a state is read */
    public TerraformFeature(Supplier<AwsClients> aws) {
        this.aws = aws;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var file = SettingsFile.in(folder.folder().path());
        parts.add(TerraformService.class, new Lazy<>(() -> new TerraformService(new TerraformStateReader(aws),
                new AwsDriftInventory(aws), () -> file.read().require(TerraformSettings.SECTION),
                () -> file.read().get(SourceSettings.SECTION).environments())));
    }
}
