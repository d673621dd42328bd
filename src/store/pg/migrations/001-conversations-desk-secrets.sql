-- Conversation state (botbuilder's ConversationState), one row per key.
CREATE TABLE bot_state (
  key text PRIMARY KEY,
  etag text NOT NULL,
  data json NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Direct Line conversations. next_seq: the next sequence number to hand out (a turn reserves
-- a few at once); flushed_seq: one past the newest activity written, the watermark readers
-- see; kept/log_bytes: what the log holds now, to keep only the newest.
CREATE TABLE dl_conversations (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL,
  "user" json NOT NULL,
  last_user json,
  next_seq bigint NOT NULL DEFAULT 0,
  flushed_seq bigint NOT NULL DEFAULT 0,
  kept integer NOT NULL DEFAULT 0,
  log_bytes bigint NOT NULL DEFAULT 0
);

-- Each activity whole, as clients receive it (id, timestamp and conversation included).
CREATE TABLE dl_activities (
  conversation_id text NOT NULL,
  seq bigint NOT NULL,
  activity json NOT NULL,
  bytes integer NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

-- Handoff tickets: the ticket whole, and the columns it is found by.
CREATE TABLE tickets (
  code text PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  created_at text NOT NULL,
  conversation_id text NOT NULL,
  ticket json NOT NULL
);
CREATE INDEX tickets_open_conversation ON tickets (conversation_id) WHERE status = 'open';
CREATE INDEX tickets_created ON tickets (created_at DESC);

-- The audit log: append-only. Updates, deletes and truncation are refused by triggers.
CREATE TABLE audit_log (
  seq bigserial PRIMARY KEY,
  entry json NOT NULL
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Wrong last-4 answers per conversation and dossier (no digits).
CREATE TABLE verification_locks (
  conversation_id text NOT NULL,
  code text NOT NULL,
  wrong integer NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (conversation_id, code)
);
CREATE INDEX verification_locks_updated ON verification_locks (updated_at);

-- Recent lookups per key (a conversation, a client address), for the lookup limits.
CREATE TABLE rate_hits (
  key text NOT NULL,
  item text NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (key, item)
);
CREATE INDEX rate_hits_at ON rate_hits (at);

-- Secrets the server made itself (the Direct Line signing key, staff tokens).
CREATE TABLE secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
