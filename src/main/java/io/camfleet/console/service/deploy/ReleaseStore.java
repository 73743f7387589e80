package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.deploy.Release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the releases the console knows, kept in the cache database. */
public interface ReleaseStore {

    /**
     * Stores a release. A release of the same name and version that differs is refused once it has reached a
     * camera (a target of a deployment of it went past PENDING or WAITING_WINDOW): a version, once used, always
     * means the same artifact. Until then it is replaced, so that a release corrected before any camera saw it can
     * keep its version.
     *
     * @return whether it was stored, new or replacing one (false: the same release was already there)
     * @throws io.camfleet.console.service.common.Problem (BAD_INPUT) when another release holds that name and version and
     *                                             has reached a camera
     */
    boolean save(Release release, String by);

    Optional<Release> find(String name, String version);

    /** Newest first. */
    List<Release> all();

    /**
     * When the release was stored (for a release corrected before it reached a camera: when it was last replaced);
     * empty for a release the store does not hold. Lead time is counted from here.
     */
    Optional<Instant> createdAt(String name, String version);
}
