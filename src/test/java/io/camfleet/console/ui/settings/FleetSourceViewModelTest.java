package io.camfleet.console.ui.settings;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentReader.AwsProfile;
import io.camfleet.console.service.environments.FakeEnvironmentReader;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.environments.SourceSettings.Kind;
import io.camfleet.console.ui.settings.FleetSourceViewModel.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The Fleet source tab's view model with no toolkit: background work waits in a queue until the test runs it. */
class FleetSourceViewModelTest {

    private static final String NOC_ARN = "arn:aws:sts::123456789012:assumed-role/NocOperator/jane";

    private final Messages m = new Messages(Locale.ENGLISH);
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final Executor queued = background::add;
    private final FakeEnvironmentReader reader = new FakeEnvironmentReader(List.of(
            new AwsProfile("default", "us-east-1", false),
            new AwsProfile("noc-sso", "eu-west-1", true)))
            .answer("noc-sso", "123456789012", NOC_ARN)
            .answer("ci", "210987654321", "arn:aws:iam::210987654321:user/ci-bot");

    private FleetSourceViewModel vm(SourceSettings current) {
        return new FleetSourceViewModel(current, reader, m, queued, Runnable::run);
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void theProfilesAreReadInTheBackgroundAndSsoOnesSaySo() {
        FleetSourceViewModel vm = vm(SourceSettings.DEMO);
        vm.loadProfiles();
        assertThat(vm.profiles()).isEmpty();
        runBackground();
        assertThat(vm.profiles()).extracting(vm::profileText).containsExactly("default", "noc-sso (SSO)");
        assertThat(vm.profile("noc-sso").region()).isEqualTo("eu-west-1");
        assertThat(vm.profile("typed-by-hand")).isNull();
    }

    @Test
    void anEnvironmentIsAddedEditedAndRemovedThroughTheForm() {
        FleetSourceViewModel vm = vm(SourceSettings.DEMO);
        assertThat(vm.put(null, "prod-eu", "noc-sso", "eu-west-1", "")).isEmpty();
        assertThat(vm.put(null, "staging", "", "us-east-1", "http://127.0.0.1:5000")).isEmpty();
        Environment staging = vm.environments().get(1);
        assertThat(staging.endpoint()).hasToString("http://127.0.0.1:5000");

        assertThat(vm.put(staging, "staging", "ci", "us-east-2", "")).isEmpty();
        assertThat(vm.environments()).extracting(Environment::label, Environment::profile, Environment::region)
                .containsExactly(tuple("prod-eu", "noc-sso", "eu-west-1"), tuple("staging", "ci", "us-east-2"));

        vm.remove(vm.environments().get(0));
        assertThat(vm.environments()).extracting(Environment::label).containsExactly("staging");
    }

    @Test
    void aBadFieldOrADuplicateLabelIsRefusedWithTheSentenceAndChangesNothing() {
        FleetSourceViewModel vm = vm(SourceSettings.DEMO);
        vm.put(null, "prod-eu", "noc-sso", "eu-west-1", "");
        assertThat(vm.put(null, "staging", "", "Europe", ""))
                .contains("'Europe' is not an AWS region: write it like eu-west-1 or us-east-1.");
        assertThat(vm.put(null, "PROD-EU", "", "us-east-1", ""))
                .contains("Two environments are labelled 'PROD-EU': every environment needs a label of its own.");
        assertThat(vm.put(null, "x", "", "us-east-1", "ftp://nowhere")).get().asString()
                .startsWith("The endpoint 'ftp://nowhere' is not usable");
        assertThat(vm.environments()).extracting(Environment::label).containsExactly("prod-eu");
        // Editing an environment may keep its own label.
        assertThat(vm.put(vm.environments().get(0), "prod-eu", "noc-sso", "eu-central-1", "")).isEmpty();
    }

    @Test
    void anEventsQueueIsKeptWhenItIsAnSqsQueueUrlAndRefusedWithTheSentenceOtherwise() {
        FleetSourceViewModel vm = vm(SourceSettings.DEMO);
        String queue = "https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events";
        assertThat(vm.put(null, "prod-eu", "noc-sso", "eu-west-1", "", "http://example.com/camfleet-events"))
                .contains("The registry events queue 'http://example.com/camfleet-events' is not usable: give the "
                        + "SQS queue URL, like https://sqs.eu-west-1.amazonaws.com/123456789012/camfleet-events, or "
                        + "leave it empty.");
        assertThat(vm.environments()).isEmpty();

        assertThat(vm.put(null, "prod-eu", "noc-sso", "eu-west-1", "", queue)).isEmpty();
        assertThat(vm.environments().get(0).eventsQueue()).hasToString(queue);
        // Edited through the call that does not name a queue, the environment keeps its queue.
        assertThat(vm.put(vm.environments().get(0), "prod-eu", "noc-sso", "eu-central-1", "")).isEmpty();
        assertThat(vm.environments().get(0).eventsQueue()).hasToString(queue);
    }

    @Test
    void testingRunsInTheBackgroundAndShowsTheAccountAndRole() {
        FleetSourceViewModel vm = vm(SourceSettings.DEMO);
        vm.put(null, "prod-eu", "noc-sso", "eu-west-1", "");
        vm.put(null, "ci", "ci", "eu-west-1", "");
        vm.put(null, "lab", "nobody", "eu-west-1", "");
        Environment prod = vm.environments().get(0);
        vm.test(prod);
        vm.test(prod);
        assertThat(vm.checks().get(prod).state()).isEqualTo(Check.State.RUNNING);
        assertThat(background).as("a test under way is not started twice").hasSize(1);
        vm.test(vm.environments().get(1));
        vm.test(vm.environments().get(2));
        runBackground();

        assertThat(vm.checks().get(prod)).isEqualTo(new Check(Check.State.PASSED,
                "account 123456789012 \u00b7 role NocOperator"));
        assertThat(vm.checks().get(vm.environments().get(1)).text())
                .isEqualTo("account 210987654321 \u00b7 user ci-bot");
        Check refused = vm.checks().get(vm.environments().get(2));
        assertThat(refused.state()).isEqualTo(Check.State.FAILED);
        assertThat(refused.text()).startsWith("There are no AWS credentials for profile nobody.");
    }

    @Test
    void theAnswerForAnEnvironmentChangedMeanwhileIsDropped() {
        FleetSourceViewModel vm = vm(SourceSettings.DEMO);
        vm.put(null, "prod-eu", "noc-sso", "eu-west-1", "");
        Environment before = vm.environments().get(0);
        vm.test(before);
        vm.put(before, "prod-eu", "noc-sso", "eu-central-1", "");
        runBackground();
        assertThat(vm.checks()).isEmpty();
    }

    @Test
    void awsWithoutAnEnvironmentIsRefused() {
        FleetSourceViewModel vm = vm(SourceSettings.DEMO);
        vm.kindProperty().set(Kind.AWS);
        assertThat(vm.result()).isEmpty();
        assertThat(vm.problemProperty().get()).isEqualTo(
                "No AWS environment is set up: add one in Settings, or choose the demo fleet or an imported file.");
        vm.put(null, "prod-eu", "noc-sso", "eu-west-1", "");
        assertThat(vm.problemProperty().get()).isEmpty();
        SourceSettings saved = vm.result().orElseThrow();
        assertThat(saved.kind()).isEqualTo(Kind.AWS);
        assertThat(saved.environments()).extracting(Environment::label).containsExactly("prod-eu");
    }

    @Test
    void anImportNeedsARegistryFileThatExists(@TempDir Path dir) throws IOException {
        FleetSourceViewModel vm = vm(SourceSettings.DEMO);
        vm.kindProperty().set(Kind.IMPORT);
        assertThat(vm.result()).isEmpty();
        assertThat(vm.problemProperty().get()).startsWith("Choose the site registry");
        vm.importFileProperty().set(dir.resolve("sites.csv").toString());
        assertThat(vm.result()).isEmpty();
        assertThat(vm.problemProperty().get()).contains("does not exist");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");
        vm.importFileProperty().set(notes.toString());
        assertThat(vm.result()).isEmpty();
        assertThat(vm.problemProperty().get()).contains("is not a site registry");

        Path sites = Files.writeString(dir.resolve("sites.csv"), "site_id,site_name\nA,Alpha\n");
        vm.importFileProperty().set("  " + sites + " ");
        assertThat(vm.result()).contains(SourceSettings.DEMO.withKind(Kind.IMPORT).withImportFile(sites.toString()));
        assertThat(vm.problemProperty().get()).isEmpty();
    }

    @Test
    void whatTheChosenKindDoesNotUseIsKept() {
        SourceSettings aws = new SourceSettings(Kind.AWS,
                List.of(Environment.of("prod-eu", "noc-sso", "eu-west-1", "")), "/data/sites.csv",
                new MetricNames("Custom/Cameras", "Thing", "Beat", "Frames", "Disk", "Temp"));
        FleetSourceViewModel vm = vm(aws);
        vm.kindProperty().set(Kind.DEMO);
        assertThat(vm.result()).contains(aws.withKind(Kind.DEMO));
    }
}
