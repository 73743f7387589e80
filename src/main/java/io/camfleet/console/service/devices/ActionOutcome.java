package io.camfleet.console.service.devices;

import java.util.List;
import java.util.Map;

/**
 * What an action did: the devices the directory changed and, for each it refused, its reason as it gave it (e.g.
 * {@code FAILED_PRECONDITION: device is already disabled}).
 *
 * @param calls the API calls it took
 */
public record ActionOutcome(List<String> done, Map<String, String> failed, int calls) {

    public ActionOutcome {
        done = List.copyOf(done);
        failed = Map.copyOf(failed);
    }

    public boolean allDone() {
        return failed.isEmpty();
    }
}
