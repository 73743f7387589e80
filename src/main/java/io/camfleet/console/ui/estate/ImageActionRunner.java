package io.camfleet.console.ui.estate;

import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.images.ImageActions;
import io.camfleet.console.service.images.ImageBuild;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.images.ImageCloud;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.concurrent.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the image actions off the FX thread through {@link ImageActions} (which checks and audits each), for the
 * environment the tab shows: the tab's report line says what was done, its problem line why not, and the catalogue is
 * read again after a change.
 */
final class ImageActionRunner {

    private final ImagesTabModel tab;
    private final Supplier<ImageActions> actions;
    private final Supplier<ImageCatalogue> catalogue;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Duration pollEvery;

    /** @param pollEvery how often a build looks at its image's state */
    ImageActionRunner(ImagesTabModel tab, Supplier<ImageActions> actions, Supplier<ImageCatalogue> catalogue,
                      BackgroundTasks tasks, Messages messages, Duration pollEvery) {
        this.tab = tab;
        this.actions = actions;
        this.catalogue = catalogue;
        this.tasks = tasks;
        this.m = messages;
        this.pollEvery = pollEvery;
    }

    /** Who runs the image now, for the deregister confirmation; a failure goes to the problem line. */
    void usageNow(ImageRow row, Consumer<ImageUsage> then) {
        Environment env = tab.environment();
        tasks.job(m.text("estate.images.task.usage", row.id()), p -> catalogue.get().usage(env, row.id()))
                .onSuccess(then).onFailure(this::failed).start();
    }

    void deregister(ImageRow row, boolean force, ImageUsage confirmed) {
        Environment env = tab.environment();
        run(m.text("estate.images.task.deregister", row.id()), () -> {
            actions.get().deregister(env, row.id(), force, confirmed);
            return m.text("estate.images.deregister.done", row.id(), row.name(), env.label());
        });
    }

    void copy(ImageRow row, List<String> regions) {
        Environment env = tab.environment();
        run(m.text("estate.images.task.copy", row.id()), () -> {
            Map<String, String> copies = actions.get().copy(env, row.id(), regions);
            return m.text("estate.images.copy.done", row.id(), copies.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        });
    }

    void deprecate(ImageRow row, Instant at, String atText) {
        Environment env = tab.environment();
        run(m.text("estate.images.task.deprecate", row.id()), () -> {
            actions.get().deprecate(env, row.id(), at);
            return m.text("estate.images.deprecate.done", row.id(), atText);
        });
    }

    private void run(String title, Supplier<String> work) {
        tab.report().set("");
        tab.problem().set("");
        tasks.job(title, p -> work.get()).onSuccess(done -> {
            tab.report().set(done);
            tab.refresh();
        }).onFailure(this::failed).start();
    }

    private void failed(Throwable e) {
        tab.problem().set(tab.sentence(e));
    }

    /** Patches the builder with AWS-RunPatchBaseline; SSM's wait cannot be cut short, so it has no cancel. */
    Task<ImageCloud.PatchRun> patch(String builder, Consumer<ImageCloud.PatchRun> done, Consumer<String> failed) {
        Environment env = tab.environment();
        return tasks.job(m.text("estate.images.task.patch", builder), p -> {
            p.update(m.text("estate.images.build.patching", builder), -1, -1);
            return actions.get().patchBuilder(env, builder, actions.get().buildTimeout());
        }).onSuccess(done).onFailure(e -> failed.accept(tab.sentence(e))).start();
    }

    /**
     * CreateImage and the wait for it, which reports each look as the task's message and progress (time waited of
     * the timeout); {@code stop} ends the wait, not the build.
     */
    Task<ImageBuild> build(String builder, String name, Map<String, String> tags, BooleanSupplier stop,
                           Consumer<ImageBuild> done, Consumer<String> failed) {
        Environment env = tab.environment();
        return tasks.job(m.text("estate.images.task.build", name), p -> {
            ImageActions a = actions.get();
            p.update(m.text("estate.images.build.creating", builder), -1, -1);
            return a.build(env, builder, name, tags, a.buildTimeout(), pollEvery, look -> p.update(
                    m.text("estate.images.build.look", look.imageId(), look.state(), look.waited().toSeconds(),
                            look.timeout().toMinutes()), look.waited().toMillis(), look.timeout().toMillis()), stop);
        }).onSuccess(b -> {
            done.accept(b);
            tab.report().set(result(b, name));
            tab.refresh();
        }).onFailure(e -> failed.accept(tab.sentence(e))).start();
    }

    /** The build's end in one sentence: the new image id, or why not. */
    String result(ImageBuild b, String name) {
        return switch (b.result()) {
            case AVAILABLE -> m.text("estate.images.build.available", name, b.imageId(), b.took().toSeconds());
            case FAILED -> m.text("estate.images.build.failed", name, b.imageId());
            case STILL_BUILDING_CANCELLED -> m.text("estate.images.build.stopped", name, b.imageId());
            case STILL_BUILDING_TIMED_OUT -> m.text("estate.images.build.timedOut", name, b.imageId(),
                    b.took().toMinutes());
        };
    }
}
