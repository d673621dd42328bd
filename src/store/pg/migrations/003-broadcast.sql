-- Events too large for a NOTIFY (8000 bytes), kept for the processes that hear their id.
CREATE TABLE broadcast_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  event json NOT NULL
);
CREATE INDEX broadcast_events_at ON broadcast_events (at);
