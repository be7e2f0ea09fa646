-- Each version's field commitments, computed when the version is recorded (field name →
-- base64 of SHA-256(salt || UTF-8 value), exactly what its log leaf's `fields` holds), so the
-- committer assembles the leaf instead of hashing every field again (docs/performance.md).
-- NULL for versions recorded before this column existed: the committer computes those as before.
--
-- The committer puts these strings into the leaf as they are, so the database checks them on
-- insert against the fields and salts of the same row: the application cannot store
-- commitments that differ from what the row holds. The table is append-only
-- (notice_version_append_only), so what is checked here stays true short of someone with
-- the owner's rights turning triggers off; npm run log:audit rebuilds every leaf from the
-- plaintext and salts regardless, and checks the stored commitments too. A trigger like the
-- other guards, not a CHECK: the auditor's tests tamper as such an owner would, triggers off.
-- The application role's table-wide INSERT grant (20261206000000_database_roles) covers the
-- new column.
CREATE FUNCTION gongshi_commitments_match(fields jsonb, salts jsonb, commitments jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT jsonb_typeof(commitments) = 'object'
    AND (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(commitments) AS c(k))
        IS NOT DISTINCT FROM (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(fields) AS f(k))
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each_text(fields) AS f(name, value)
      WHERE commitments ->> name IS DISTINCT FROM
            encode(sha256(decode(salts ->> name, 'base64') || convert_to(value, 'UTF8')), 'base64')
    )
$$;

ALTER TABLE notice_version ADD COLUMN commitments jsonb;

CREATE FUNCTION gongshi_notice_version_commitments_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.commitments IS NOT NULL AND NOT gongshi_commitments_match(NEW.fields, NEW.salts, NEW.commitments) THEN
    RAISE EXCEPTION 'gongshi: the commitments of notice % version % do not match its fields and salts', NEW.notice_id, NEW.version
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER notice_version_commitments_guard BEFORE INSERT ON notice_version
  FOR EACH ROW EXECUTE FUNCTION gongshi_notice_version_commitments_guard();
