package io.camfleet.console.service.terraform;

import io.camfleet.console.domain.terraform.Drift;
import io.camfleet.console.domain.terraform.LiveResource;
import io.camfleet.console.domain.terraform.TerraformState;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Terraform state of each environment, read only from its S3 backend, and its drift hints against AWS. Each call
 * reads the state afresh: nothing is kept between calls, so a bad state never leaves a half-read one behind.
 */
public final class TerraformService {

    private final StateBucket bucket;
    private final LiveInventory inventory;
    private final Supplier<TerraformSettings> settings;
    private final Supplier<List<Environment>> environments;

    /**
     * @param settings     read at each call, so a change in the settings applies at the next
     * @param environments the configured AWS environments
     */
    public TerraformService(StateBucket bucket, LiveInventory inventory, Supplier<TerraformSettings> settings,
                            Supplier<List<Environment>> environments) {
        this.bucket = bucket;
        this.inventory = inventory;
        this.settings = settings;
        this.environments = environments;
    }

    /**
     * The environment's state: resources by type, serial, last modified, Terraform version.
     *
     * @throws Problem (BAD_INPUT) for an unknown environment, one with no state in the settings, or a state object
     *                 that is not a version 4 state; another Problem when S3 cannot be read
     */
    public TerraformState state(String environment) {
        return state(environment(environment), settings.get());
    }

    /**
     * The environment's state and its drift hints for instances, images and IoT things.
     *
     * @throws Problem as {@link #state(String)}, and when AWS cannot be listed
     */
    public EnvironmentDrift drift(String environment) {
        Environment e = environment(environment);
        TerraformSettings s = settings.get();
        TerraformState state = state(e, s);
        List<LiveResource> live = inventory.read(e);
        return new EnvironmentDrift(e.label(), state, s.managedTag(), live.size(),
                Drift.hints(state, live, s.managedTag()));
    }

    private TerraformState state(Environment e, TerraformSettings s) {
        StateLocation where = s.states().get(e.label());
        if (where == null) {
            throw Problem.badInput("terraform.noState", e.label());
        }
        try (StateBucket.StateObject object = bucket.open(e, where)) {
            if (object.size() > s.maxStateBytes()) {
                throw Problem.badInput("terraform.state.tooLarge", where, s.maxStateMb());
            }
            return StateFile.read(object.body(), where.bucket(), where.key(), object.lastModified(),
                    s.maxStateBytes());
        } catch (IOException ex) {
            throw new Problem(ex, "terraform.state.readFailed", where, ex.getMessage());
        }
    }

    private Environment environment(String label) {
        List<Environment> all = environments.get();
        return all.stream().filter(e -> e.label().equals(label)).findFirst()
                .orElseThrow(() -> all.isEmpty() ? Problem.badInput("env.none")
                        : Problem.badInput("env.unknown", label,
                        all.stream().map(Environment::label).collect(Collectors.joining(", "))));
    }
}
