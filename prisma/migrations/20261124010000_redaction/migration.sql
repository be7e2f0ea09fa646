-- Redactions: a law may require a field of a published version (personal data, say) to be
-- taken out of public view. A redaction names the version, the commitment paths withheld and
-- the legal basis; the committer logs it as a `redact` leaf (docs/log-format.md) whose target
-- is the version's log index. Redactions are permanent, like everything that is logged.

CREATE TABLE redaction (
  id                bigserial PRIMARY KEY,
  notice_version_id bigint NOT NULL REFERENCES notice_version (id),
  withhold          text[] NOT NULL CHECK (cardinality(withhold) BETWEEN 1 AND 164),
  basis             text NOT NULL CHECK (char_length(basis) BETWEEN 1 AND 500),
  created_at        timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX redaction_notice_version_id_idx ON redaction (notice_version_id);

-- A redact leaf names its target by log index, so only a logged version can be redacted.
CREATE FUNCTION gongshi_redaction_target_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM log_entry e WHERE e.notice_version_id = NEW.notice_version_id) THEN
    RAISE EXCEPTION 'gongshi: notice version % is not in the log yet and cannot be redacted', NEW.notice_version_id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER redaction_target_guard BEFORE INSERT ON redaction
  FOR EACH ROW EXECUTE FUNCTION gongshi_redaction_target_guard();
CREATE TRIGGER redaction_append_only BEFORE UPDATE OR DELETE ON redaction
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER redaction_no_truncate BEFORE TRUNCATE ON redaction
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();

-- A log entry records exactly one thing: a notice version or a redaction.
ALTER TABLE log_entry ADD COLUMN redaction_id bigint UNIQUE REFERENCES redaction (id);
ALTER TABLE log_entry ADD CONSTRAINT log_entry_one_source CHECK (num_nonnulls(notice_version_id, redaction_id) = 1);

-- The committer's queue for redactions, filled by trigger and drained only into the log,
-- exactly like log_queue for versions.
CREATE TABLE redaction_queue (
  redaction_id bigint PRIMARY KEY REFERENCES redaction (id)
);
CREATE FUNCTION gongshi_enqueue_redaction() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO redaction_queue (redaction_id) VALUES (NEW.id);
  RETURN NEW;
END;
$$;
CREATE TRIGGER redaction_enqueue AFTER INSERT ON redaction
  FOR EACH ROW EXECUTE FUNCTION gongshi_enqueue_redaction();
CREATE FUNCTION gongshi_redaction_queue_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM log_entry e WHERE e.redaction_id = OLD.redaction_id) THEN
    RAISE EXCEPTION 'gongshi: redaction % is not in the log yet and cannot leave the queue', OLD.redaction_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER redaction_queue_delete_guard BEFORE DELETE ON redaction_queue
  FOR EACH ROW EXECUTE FUNCTION gongshi_redaction_queue_delete_guard();
CREATE TRIGGER redaction_queue_no_update BEFORE UPDATE ON redaction_queue
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER redaction_queue_no_truncate BEFORE TRUNCATE ON redaction_queue
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
