-- The AWS estate as last read, per environment and kind (images, patch states, Terraform state and drift, cost): what
-- the AWS estate screen shows at once, stamped "as of", offline too, and what saves asking Cost Explorer ($0.01 a
-- call) at every visit. A snapshot is the whole answer, gzipped JSON, replaced in one transaction.
CREATE TABLE estate_snapshot (
    environment VARCHAR(200) NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    taken_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    body        BYTEA        NOT NULL,
    PRIMARY KEY (environment, kind)
);
