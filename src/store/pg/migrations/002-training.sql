-- The questions the assistant did not understand, oldest first by position.
CREATE SEQUENCE inbox_position;
CREATE TABLE inbox (
  id text PRIMARY KEY,
  position bigint NOT NULL DEFAULT nextval('inbox_position'),
  status text NOT NULL,
  item json NOT NULL
);
CREATE INDEX inbox_position_idx ON inbox (position);
CREATE INDEX inbox_status_idx ON inbox (status, position);

-- Staff edits to the training data: one document, changed as a whole.
CREATE TABLE training_edits (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  edits json NOT NULL,
  revision bigint NOT NULL DEFAULT 0
);

-- Trained models: the registry (in the order models were added), which serves and the order
-- they served in (one row, locked by every change to the registry), and their documents.
CREATE SEQUENCE model_position;
CREATE TABLE models (
  id text PRIMARY KEY,
  position bigint NOT NULL DEFAULT nextval('model_position'),
  meta json NOT NULL
);
CREATE TABLE model_serving (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  active text,
  served text[] NOT NULL DEFAULT '{}'
);
INSERT INTO model_serving DEFAULT VALUES;
CREATE TABLE model_documents (
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('model', 'evaluation')),
  doc json NOT NULL,
  PRIMARY KEY (id, kind)
);
