-- Security findings (a scanner's CSV, Inspector's export, or Inspector per environment), each import replacing the
-- findings of its source in one transaction. The host is kept as reported: which camera it is gets decided when read,
-- against the fleet of the day, so a finding for an unknown host is kept.
CREATE TABLE finding (
    id           VARCHAR(400)  PRIMARY KEY,
    source       VARCHAR(200)  NOT NULL,
    cve          VARCHAR(300)  NOT NULL,
    severity     VARCHAR(16)   NOT NULL,
    package_name VARCHAR(300)  NOT NULL,
    host         VARCHAR(300)  NOT NULL,
    image        VARCHAR(300)  NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    seen         TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX finding_by_source ON finding (source);

-- Acceptances outlive the findings' imports (a finding that comes back is still accepted), so no foreign key.
CREATE TABLE finding_acceptance (
    finding_id      VARCHAR(400)  PRIMARY KEY,
    reason          VARCHAR(1000) NOT NULL,
    until_day       DATE          NOT NULL,
    accepted_by     VARCHAR(200)  NOT NULL,
    accepted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expiry_recorded BOOLEAN       NOT NULL
);

-- The hosts' patch states as SSM Patch Manager last reported them, per source (ssm:<environment>).
CREATE TABLE patch_state (
    source           VARCHAR(200) NOT NULL,
    host             VARCHAR(300) NOT NULL,
    patch_level      VARCHAR(300) NOT NULL,
    installed        INTEGER      NOT NULL,
    missing          INTEGER      NOT NULL,
    missing_security INTEGER      NOT NULL,
    observed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, host)
);
