package io.camfleet.console.domain.deploy;

/** What a release changes on the cameras. */
public enum ReleaseKind {
    RELEASE,
    PATCH,
    HOTFIX,
    CONFIG
}
