-- A notice published as a translation of another (lib/translations): the public pages of both
-- link each other ("Also in English", "另有中文版"). A relation between notices, not part of
-- either notice's text, so it is not in the log; it is recorded by a clerk of both notices'
-- agencies, with its audit event (notice.translation) in the same transaction, and never
-- changed or removed, like the history it links.
CREATE TABLE notice_translation (
  id             bigserial PRIMARY KEY,
  -- The translation: it translates exactly one notice.
  translation_id text NOT NULL UNIQUE REFERENCES notice(id),
  -- The notice it translates; an original may have one translation per language (checked by
  -- the service, which knows each notice's language), and is never itself a translation.
  original_id    text NOT NULL REFERENCES notice(id),
  -- The clerk who recorded it (null for the demo seed).
  created_by     text,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  CHECK (translation_id <> original_id)
);
CREATE INDEX notice_translation_original_idx ON notice_translation (original_id);

CREATE TRIGGER notice_translation_append_only BEFORE UPDATE OR DELETE ON notice_translation
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER notice_translation_no_truncate BEFORE TRUNCATE ON notice_translation
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
CREATE CONSTRAINT TRIGGER notice_translation_audited AFTER INSERT ON notice_translation
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION gongshi_require_audit_event('translation_id', 'notice.translation');

GRANT SELECT, INSERT ON notice_translation TO gongshi_app;
GRANT USAGE, SELECT ON SEQUENCE notice_translation_id_seq TO gongshi_app;
