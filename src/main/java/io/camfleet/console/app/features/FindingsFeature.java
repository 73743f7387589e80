package io.camfleet.console.app.features;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.InspectorFindings;
import io.camfleet.console.adapter.aws.SsmPatchStates;
import io.camfleet.console.cli.FindingsCommand;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.FindingsSettings;
import io.camfleet.console.service.findings.PatchComplianceService;

import java.util.List;
import java.util.function.Supplier;

/**
 * Patch compliance and security findings: findings imported from files or read from Amazon Inspector, tied to the
 * fleet's cameras and images, with risk acceptances; the cameras' SSM patch states; {@code camfleet findings}. Its
 * screen is the Patches & findings tab of the AWS estate ({@link EstateFeature}).
 */
public final class FindingsFeature implements Feature {

    private final Supplier<AwsClients> aws;

    /** @param aws the console's AWS clients, built only when Inspector or SSM is read */
    public FindingsFeature(Supplier<AwsClients> aws) {
        this.aws = aws;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        Supplier<List<CameraSystem>> cameras = () -> folder.database().fleet().read().fleet().cameras();
        Supplier<List<Environment>> environments = () -> SettingsFile.in(folder.folder().path()).read()
                .get(SourceSettings.SECTION).environments();
        parts.add(FindingsService.class, new Lazy<>(() -> new FindingsService(folder.database().findings(),
                folder.audit(), folder.clock(), cameras, environments,
                new InspectorFindings(e -> aws.get().inspector(e), folder.clock()),
                () -> SettingsFile.in(folder.folder().path()).read().get(FindingsSettings.SECTION))));
        parts.add(PatchComplianceService.class, new Lazy<>(() -> new PatchComplianceService(
                folder.database().findings(), cameras, environments, new SsmPatchStates(e -> aws.get().ssm(e)), folder.clock())));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new FindingsCommand(m));
    }
}
