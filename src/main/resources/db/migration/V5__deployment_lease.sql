-- Who runs a deployment now. A process that runs a rollout holds its lease and renews it (the heartbeat) well
-- before it expires; a deployment that is not final and whose lease expired (or whose holder is gone) is
-- interrupted, and may be resumed. Taking a lease is a compare-and-set on this row, so two processes can never run
-- one deployment.
CREATE TABLE deployment_lease (
    deployment_id   VARCHAR(40)  NOT NULL PRIMARY KEY,
    owner           VARCHAR(200) NOT NULL,
    host            VARCHAR(255) NOT NULL,
    pid             BIGINT       NOT NULL,
    process_started TIMESTAMP WITH TIME ZONE,
    acquired_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
