-- Columns sized for what AWS allows, so that one long value no longer fails a whole environment's sync.
-- AWS IoT: thing and thing-group names up to 128 characters, attribute values up to 800, thing-group descriptions
-- (a site's name when it has no name attribute) up to 2,028. Ids are qualified by the environment's label (up to 32
-- characters): prod-eu/<name>, so up to 161. Every column that holds a camera's or a site's id, its address or its
-- node id takes the same width, the deployment journal's included. A value still longer (not from AWS) is clipped
-- by the sync with a note naming the record and the field.
-- SET DATA TYPE keeps each column's NOT NULL and default, on H2 and on PostgreSQL alike.
ALTER TABLE site ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE site ALTER COLUMN name SET DATA TYPE VARCHAR(2048);
ALTER TABLE site ALTER COLUMN customer SET DATA TYPE VARCHAR(800);
ALTER TABLE site ALTER COLUMN region SET DATA TYPE VARCHAR(800);
ALTER TABLE site ALTER COLUMN maintenance_window SET DATA TYPE VARCHAR(800);

ALTER TABLE camera_system ALTER COLUMN id SET DATA TYPE VARCHAR(200);
ALTER TABLE camera_system ALTER COLUMN site_id SET DATA TYPE VARCHAR(200);
ALTER TABLE camera_system ALTER COLUMN hostname SET DATA TYPE VARCHAR(800);
ALTER TABLE camera_system ALTER COLUMN ssh_address SET DATA TYPE VARCHAR(800);
ALTER TABLE camera_system ALTER COLUMN jump_host SET DATA TYPE VARCHAR(800);
ALTER TABLE camera_system ALTER COLUMN ssm_node_id SET DATA TYPE VARCHAR(800);
ALTER TABLE camera_system ALTER COLUMN image SET DATA TYPE VARCHAR(800);
ALTER TABLE camera_system ALTER COLUMN software_version SET DATA TYPE VARCHAR(800);

ALTER TABLE camera_health ALTER COLUMN camera_id SET DATA TYPE VARCHAR(200);
ALTER TABLE health_interval ALTER COLUMN camera_id SET DATA TYPE VARCHAR(200);

-- The source's name lists every environment ("AWS: prod-eu, staging-us, ..."), in the cache and in the audit trail.
ALTER TABLE cache_state ALTER COLUMN source SET DATA TYPE VARCHAR(4000);
ALTER TABLE audit_event ALTER COLUMN target SET DATA TYPE VARCHAR(4000);

ALTER TABLE deployment_target ALTER COLUMN camera_id SET DATA TYPE VARCHAR(200);
ALTER TABLE deployment_target ALTER COLUMN site_id SET DATA TYPE VARCHAR(200);
ALTER TABLE deployment_target ALTER COLUMN address SET DATA TYPE VARCHAR(800);
ALTER TABLE deployment_target ALTER COLUMN jump_host SET DATA TYPE VARCHAR(800);
ALTER TABLE deployment_target ALTER COLUMN ssm_node_id SET DATA TYPE VARCHAR(800);
ALTER TABLE deployment_event ALTER COLUMN camera_id SET DATA TYPE VARCHAR(200);
ALTER TABLE deployment_log ALTER COLUMN camera_id SET DATA TYPE VARCHAR(200);
