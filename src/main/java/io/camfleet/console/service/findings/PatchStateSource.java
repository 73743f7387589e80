package io.camfleet.console.service.findings;

import io.camfleet.console.domain.findings.PatchState;
import io.camfleet.console.service.environments.Environment;

import java.util.List;

/** Port: SSM Patch Manager's patch state of managed nodes; nodes SSM does not know are left out. */
@FunctionalInterface
public interface PatchStateSource {

    List<PatchState> patchStates(Environment environment, List<String> nodeIds);
}
