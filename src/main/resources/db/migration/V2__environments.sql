-- Several AWS environments (dev, staging, prod...) merge into one cached fleet. Every site and camera row says which
-- environment it came from ('' for the demo fleet and imported registries), so that a sync of one environment
-- replaces only its own rows.
ALTER TABLE site ADD COLUMN environment VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE camera_system ADD COLUMN environment VARCHAR(64) DEFAULT '' NOT NULL;

-- Up to when each environment's rows are complete. Moved in the last transaction of a sync, after every page of it
-- was written, so that a sync stopped half-way leaves the old time: the cache never claims to be newer than its data.
CREATE TABLE environment_state (
    environment VARCHAR(64) NOT NULL PRIMARY KEY,
    as_of       TIMESTAMP WITH TIME ZONE NOT NULL,
    full_sync   TIMESTAMP WITH TIME ZONE
);
