-- Health history for availability, compact: what the figures of a month or a year need, and nothing per sample.
-- health_interval keeps the recent, full history the site detail shows; these tables keep the long one (a setting,
-- 400 days by default). Times are whole seconds since the epoch: a BIGINT is half the size of a timestamp with time
-- zone, and the figures count seconds.

-- Each stretch a camera spent in a state other than ONLINE; end_s is NULL while it lasts. What is not a span is
-- ONLINE, for as long as the console observed (observed_span). state: 1 OFFLINE, 2 DEGRADED, 3 UNKNOWN, 4 UPDATING,
-- 5 MAINTENANCE (see HealthSpans).
CREATE TABLE health_span (
    camera_id VARCHAR(200) NOT NULL,
    state     SMALLINT     NOT NULL,
    start_s   BIGINT       NOT NULL,
    end_s     BIGINT
);
-- The spans that overlap a period: closed ones by their end, open ones (NULL) alike. It holds every column, so that
-- a month is read from the index alone: through a narrower index, H2 looked each row up in the table, and a month of
-- 100,000 cameras took eight times as long to read. And each camera's open one, which a change closes.
CREATE INDEX health_span_end ON health_span (end_s, start_s, camera_id, state);
CREATE INDEX health_span_camera ON health_span (camera_id, end_s);

-- When the console had data: each write extends the latest stretch to its "as of" time; a pause longer than a few
-- sync intervals starts a new one, so that a console closed for 3 h shows "no data 3 h".
CREATE TABLE observed_span (
    start_s BIGINT NOT NULL PRIMARY KEY,
    end_s   BIGINT NOT NULL
);

-- When each camera was first in the fleet, and when it left it (NULL while it is in it): a camera added in the middle
-- of a month counts from then, and one removed keeps its history for its site.
CREATE TABLE camera_life (
    camera_id  VARCHAR(200) NOT NULL PRIMARY KEY,
    site_id    VARCHAR(200) NOT NULL,
    first_seen BIGINT       NOT NULL,
    last_seen  BIGINT
);
