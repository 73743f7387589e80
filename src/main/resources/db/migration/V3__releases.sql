-- Releases the console can deploy. A release is named by its name and version together; its artifact is a local
-- path or an S3 object, checked against the SHA-256 before upload and on each camera after.
CREATE TABLE deploy_release (
    name            VARCHAR(200)    NOT NULL,
    version         VARCHAR(64)     NOT NULL,
    kind            VARCHAR(16)     NOT NULL,
    artifact        VARCHAR(1000)   NOT NULL,
    sha256          CHAR(64)        NOT NULL,
    install_script  VARCHAR(100000) NOT NULL,
    health_check    VARCHAR(100000) NOT NULL,
    rollback_script VARCHAR(100000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(200)    NOT NULL,
    PRIMARY KEY (name, version)
);
