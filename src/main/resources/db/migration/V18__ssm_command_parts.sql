-- A wave larger than one SendCommand (50 ids) is sent as several commands, its parts: each part's command id is kept.
-- A new table rather than a changed primary key: the old key's name differs between H2 and PostgreSQL.
CREATE TABLE deployment_ssm_command_part (
    deployment_id VARCHAR(40)  NOT NULL,
    wave          INTEGER      NOT NULL,
    part          INTEGER      NOT NULL,
    command_id    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (deployment_id, wave, part)
);
INSERT INTO deployment_ssm_command_part (deployment_id, wave, part, command_id)
    SELECT deployment_id, wave, 0, command_id FROM deployment_ssm_command;
DROP TABLE deployment_ssm_command;
ALTER TABLE deployment_ssm_command_part RENAME TO deployment_ssm_command;
