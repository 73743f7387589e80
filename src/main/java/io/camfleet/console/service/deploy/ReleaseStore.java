package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;

import java.util.List;
import java.util.Optional;

/** Port: the releases the console knows, kept in the cache database. */
public interface ReleaseStore {

    /**
     * Stores a release. A release of the same name and version that differs is refused: a version, once used,
     * always means the same artifact.
     *
     * @return whether it was new (false: the same release was already there)
     * @throws io.camfleet.console.service.Problem (BAD_INPUT) when another release holds that name and version
     */
    boolean save(Release release, String by);

    Optional<Release> find(String name, String version);

    /** Newest first. */
    List<Release> all();
}
