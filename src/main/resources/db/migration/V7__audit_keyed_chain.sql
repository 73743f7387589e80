-- The audit chain is sealed with HMAC-SHA256 under a key kept in the data folder, outside the cache (see AuditChain).
-- Events written before carry a plain SHA-256 and are marked unkeyed; the head row gets a keyed seal of its own, so
-- that a head moved back over deleted events shows.
ALTER TABLE audit_event ADD COLUMN keyed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE audit_head ADD COLUMN seal CHAR(64);
