-- Staff edits of knowledge: each procedure's versions, numbered from 1, never changed or
-- removed (a revert is a new version). A version holds the whole procedure (or null).
CREATE TABLE knowledge_edits (
  id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  doc json NOT NULL,
  PRIMARY KEY (id, version)
);

-- Analytics: the events of each Vietnam day (YYYY-MM-DD), appended, and the day's figures
-- folded from them, changed in the same transaction as the events they count.
CREATE TABLE analytics_events (
  position bigserial PRIMARY KEY,
  day text NOT NULL CHECK (day ~ '^\d{4}-\d{2}-\d{2}$'),
  event json NOT NULL
);
CREATE INDEX analytics_events_day_idx ON analytics_events (day);
CREATE TABLE analytics_days (
  day text PRIMARY KEY CHECK (day ~ '^\d{4}-\d{2}-\d{2}$'),
  figures json NOT NULL
);
