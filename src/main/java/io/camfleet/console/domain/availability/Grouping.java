package io.camfleet.console.domain.availability;

/** What availability figures are computed per. */
public enum Grouping { CAMERA, SITE, CUSTOMER, REGION, ENVIRONMENT }
