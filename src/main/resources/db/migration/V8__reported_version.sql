-- Versions rollouts installed, shown in the fleet before a sync confirms them (confirmed_at NULL until one does).
-- Confirmed rows stay: the demo fleet simulates its cameras and learns what was installed on them only here.
CREATE TABLE reported_version (
    camera_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    version       VARCHAR(64)  NOT NULL,
    deployment_id VARCHAR(64)  NOT NULL,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at  TIMESTAMP WITH TIME ZONE
);
