package io.camfleet.console.service.terraform;

import io.camfleet.console.domain.terraform.LiveResource;
import io.camfleet.console.service.environments.Environment;

import java.util.List;

/** What AWS holds now in an environment, of the kinds the console checks for drift. */
public interface LiveInventory {

    /**
     * Every instance (terminated ones too, while AWS still lists them), every image the account owns, and every IoT
     * thing, with their tags.
     *
     * @throws io.camfleet.console.service.common.Problem naming the call that failed
     */
    List<LiveResource> read(Environment environment);
}
