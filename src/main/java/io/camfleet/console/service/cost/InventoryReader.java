package io.camfleet.console.service.cost;

import io.camfleet.console.domain.cost.Ec2Inventory;
import io.camfleet.console.service.environments.Environment;

/** Port: the EBS volumes, own snapshots, own images and instances in an environment's account and region. */
public interface InventoryReader {

    /** @throws io.camfleet.console.service.common.Problem when AWS cannot be asked */
    Ec2Inventory inventory(Environment environment);
}
