-- Gongshi initial schema. Applied by scripts/db-migrate.ts (each migration in one transaction).
-- Append-only is enforced here, in the database, so that not even a bug in the application
-- can rewrite published history: see the triggers at the end.

CREATE TABLE agency (
  id             text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  name_zh        text NOT NULL,
  name_en        text NOT NULL,
  description_zh text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  created_at     timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE notice (
  id         text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
  agency_id  text NOT NULL REFERENCES agency (id),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX notice_agency_id_idx ON notice (agency_id);

CREATE TABLE notice_version (
  id         bigserial PRIMARY KEY,
  notice_id  text NOT NULL REFERENCES notice (id),
  version    integer NOT NULL CHECK (version >= 1),
  kind       text NOT NULL CHECK (kind IN ('publish', 'amend', 'correct', 'retract')),
  fields     jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
  salts      jsonb NOT NULL CHECK (jsonb_typeof(salts) = 'object'),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((kind = 'publish') = (version = 1))
);
CREATE UNIQUE INDEX notice_version_notice_id_version_key ON notice_version (notice_id, version);

CREATE TABLE attachment (
  notice_version_id bigint NOT NULL REFERENCES notice_version (id),
  position          integer NOT NULL CHECK (position BETWEEN 0 AND 99),
  file_name         text NOT NULL,
  name_salt         bytea NOT NULL CHECK (length(name_salt) = 32),
  media_type        text NOT NULL,
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size              integer NOT NULL CHECK (size >= 0),
  content           bytea NOT NULL,
  PRIMARY KEY (notice_version_id, position),
  CHECK (length(content) = size)
);
CREATE INDEX attachment_sha256_idx ON attachment (sha256);

CREATE TABLE log_entry (
  index             bigint PRIMARY KEY CHECK (index >= 0),
  leaf              bytea NOT NULL,
  leaf_hash         bytea NOT NULL CHECK (length(leaf_hash) = 32),
  notice_version_id bigint UNIQUE REFERENCES notice_version (id),
  logged_at         timestamptz(3) NOT NULL
);
CREATE INDEX log_entry_leaf_hash_idx ON log_entry (leaf_hash);

CREATE TABLE tree_tile (
  level integer NOT NULL CHECK (level >= 0),
  n     bigint NOT NULL CHECK (n >= 0),
  width integer NOT NULL CHECK (width BETWEEN 1 AND 256),
  data  bytea NOT NULL,
  PRIMARY KEY (level, n, width),
  CHECK (length(data) = 32 * width)
);

CREATE TABLE checkpoint (
  size       bigint PRIMARY KEY CHECK (size >= 0),
  root_hash  bytea NOT NULL CHECK (length(root_hash) = 32),
  note       text NOT NULL,
  prev_hash  text,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
-- At most one chain start.
CREATE UNIQUE INDEX checkpoint_single_genesis ON checkpoint ((prev_hash IS NULL)) WHERE prev_hash IS NULL;

CREATE TABLE cosignature (
  id              bigserial PRIMARY KEY,
  checkpoint_size bigint NOT NULL REFERENCES checkpoint (size),
  witness         text NOT NULL,
  signature       text NOT NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX cosignature_checkpoint_size_witness_key ON cosignature (checkpoint_size, witness);

-- Append-only: published history can be added to, never changed.
CREATE FUNCTION gongshi_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'gongshi: % on % is forbidden: the table is append-only', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER notice_version_append_only BEFORE UPDATE OR DELETE ON notice_version
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER attachment_append_only BEFORE UPDATE OR DELETE ON attachment
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER log_entry_append_only BEFORE UPDATE OR DELETE ON log_entry
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER checkpoint_append_only BEFORE UPDATE OR DELETE ON checkpoint
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER cosignature_append_only BEFORE UPDATE OR DELETE ON cosignature
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER tree_tile_no_update BEFORE UPDATE ON tree_tile
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
-- TRUNCATE bypasses row triggers; forbid it too.
CREATE TRIGGER notice_version_no_truncate BEFORE TRUNCATE ON notice_version
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER attachment_no_truncate BEFORE TRUNCATE ON attachment
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER log_entry_no_truncate BEFORE TRUNCATE ON log_entry
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER tree_tile_no_truncate BEFORE TRUNCATE ON tree_tile
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER cosignature_no_truncate BEFORE TRUNCATE ON cosignature
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();

-- A partial tile may be deleted only once a wider tile with the same prefix is stored: the
-- narrower one is then derivable (a prefix), so deleting it loses nothing. Full tiles stay.
CREATE FUNCTION gongshi_tile_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.width = 256 OR NOT EXISTS (
    SELECT 1 FROM tree_tile t
    WHERE t.level = OLD.level AND t.n = OLD.n AND t.width > OLD.width
      AND substring(t.data FROM 1 FOR OLD.width * 32) = OLD.data
  ) THEN
    RAISE EXCEPTION 'gongshi: tile %/% width % is not superseded and cannot be deleted', OLD.level, OLD.n, OLD.width
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER tree_tile_delete_guard BEFORE DELETE ON tree_tile
  FOR EACH ROW EXECUTE FUNCTION gongshi_tile_delete_guard();

-- The committer's work queue: every new notice version is enqueued by trigger (so none can be
-- forgotten) and dequeued in the same transaction that gives it a log entry, so a crash
-- leaves it either pending or committed, never lost and never twice.
CREATE TABLE log_queue (
  notice_version_id bigint PRIMARY KEY REFERENCES notice_version (id)
);
CREATE FUNCTION gongshi_enqueue_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO log_queue (notice_version_id) VALUES (NEW.id);
  RETURN NEW;
END;
$$;
CREATE TRIGGER notice_version_enqueue AFTER INSERT ON notice_version
  FOR EACH ROW EXECUTE FUNCTION gongshi_enqueue_version();
