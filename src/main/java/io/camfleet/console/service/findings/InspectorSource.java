package io.camfleet.console.service.findings;

import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.service.environments.Environment;

import java.util.List;

/** Port: the active findings Amazon Inspector (v2) holds for an environment, every page of them. */
@FunctionalInterface
public interface InspectorSource {

    List<Finding> activeFindings(Environment environment);
}
