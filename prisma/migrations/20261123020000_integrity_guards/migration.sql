-- Integrity guards found missing in review: each closes a way for a bug (or a stray INSERT with
-- the application's credentials) to make the log lose, fork or misattribute history.

-- A tile row must agree with every other row of the same tile: a narrower row is a prefix of
-- it, and it is a prefix of every wider row. Otherwise the committer could extend a tree
-- whose stored hashes were replaced, and sign a fork.
CREATE FUNCTION gongshi_tile_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM tree_tile t
    WHERE t.level = NEW.level AND t.n = NEW.n AND (
      (t.width < NEW.width AND substring(NEW.data FROM 1 FOR t.width * 32) <> t.data) OR
      (t.width >= NEW.width AND substring(t.data FROM 1 FOR NEW.width * 32) <> NEW.data)
    )
  ) THEN
    RAISE EXCEPTION 'gongshi: tile %/% width % disagrees with a stored version of the same tile', NEW.level, NEW.n, NEW.width
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER tree_tile_insert_guard BEFORE INSERT ON tree_tile
  FOR EACH ROW EXECUTE FUNCTION gongshi_tile_insert_guard();

-- A queued version leaves the queue only by getting its log entry (in the same transaction).
CREATE FUNCTION gongshi_queue_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM log_entry e WHERE e.notice_version_id = OLD.notice_version_id) THEN
    RAISE EXCEPTION 'gongshi: notice version % is not in the log yet and cannot leave the queue', OLD.notice_version_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER log_queue_delete_guard BEFORE DELETE ON log_queue
  FOR EACH ROW EXECUTE FUNCTION gongshi_queue_delete_guard();
CREATE TRIGGER log_queue_no_update BEFORE UPDATE ON log_queue
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER log_queue_no_truncate BEFORE TRUNCATE ON log_queue
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();

-- The chain only grows at its head: a new checkpoint is larger than every earlier one and links
-- to the latest one's exact note. Two rows can never claim the same predecessor (a fork).
CREATE UNIQUE INDEX checkpoint_prev_hash_key ON checkpoint (prev_hash);
CREATE FUNCTION gongshi_checkpoint_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head checkpoint%ROWTYPE;
BEGIN
  SELECT * INTO head FROM checkpoint ORDER BY size DESC LIMIT 1;
  IF FOUND AND (NEW.size <= head.size OR NEW.prev_hash IS DISTINCT FROM encode(sha256(convert_to(head.note, 'UTF8')), 'base64')) THEN
    RAISE EXCEPTION 'gongshi: checkpoint % does not extend the chain head %', NEW.size, head.size
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NOT FOUND AND NEW.prev_hash IS NOT NULL THEN
    RAISE EXCEPTION 'gongshi: the first checkpoint has no predecessor' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER checkpoint_insert_guard BEFORE INSERT ON checkpoint
  FOR EACH ROW EXECUTE FUNCTION gongshi_checkpoint_insert_guard();

-- A notice never changes agency or id, and neither notices nor agencies are deleted: the
-- agency a notice belongs to decides who may amend it and whose name it is shown under.
CREATE FUNCTION gongshi_notice_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.agency_id <> OLD.agency_id THEN
    RAISE EXCEPTION 'gongshi: a notice''s id and agency are permanent' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER notice_guard BEFORE UPDATE OR DELETE ON notice
  FOR EACH ROW EXECUTE FUNCTION gongshi_notice_guard();
CREATE TRIGGER agency_no_delete BEFORE DELETE ON agency
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE FUNCTION gongshi_agency_id_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'gongshi: an agency''s id is permanent' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER agency_id_guard BEFORE UPDATE ON agency
  FOR EACH ROW EXECUTE FUNCTION gongshi_agency_id_guard();
CREATE TRIGGER notice_no_truncate BEFORE TRUNCATE ON notice
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER agency_no_truncate BEFORE TRUNCATE ON agency
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();

-- Attachments belong to a version from before it is logged: none can be added afterwards.
CREATE FUNCTION gongshi_attachment_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM log_queue q WHERE q.notice_version_id = NEW.notice_version_id) THEN
    RAISE EXCEPTION 'gongshi: notice version % is already logged; attachments cannot be added', NEW.notice_version_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER attachment_insert_guard BEFORE INSERT ON attachment
  FOR EACH ROW EXECUTE FUNCTION gongshi_attachment_insert_guard();
