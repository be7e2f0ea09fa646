-- A clerk's working copies (issue 6): what was typed and attached before publishing. Unlike
-- notices, drafts are not history: they are updated and deleted freely until published. A
-- published draft is kept read-only (trigger below), pointing at the version it became.

CREATE TABLE notice_draft (
  id                  text PRIMARY KEY,
  agency_id           text NOT NULL REFERENCES agency (id),
  kind                text NOT NULL CHECK (kind IN ('publish', 'amend', 'correct')),
  -- NULL for a new notice; the notice being amended or corrected otherwise.
  notice_id           text REFERENCES notice (id),
  -- The version the amendment starts from (publish refuses it if another version came since).
  base_version        integer,
  -- Field name → what was typed, possibly incomplete or invalid (checked when publishing).
  fields              jsonb NOT NULL DEFAULT '{}',
  -- Optimistic concurrency: every save is UPDATE … SET revision = revision + 1 WHERE revision = $seen.
  revision            integer NOT NULL DEFAULT 0,
  -- Plain ids, like audit_event: removing a user must not remove or rewrite what they drafted.
  created_by          text NOT NULL,
  updated_by          text NOT NULL,
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  updated_at          timestamptz(3) NOT NULL DEFAULT now(),
  published_notice_id text REFERENCES notice (id),
  published_version   integer,
  published_at        timestamptz(3),
  CHECK (jsonb_typeof(fields) = 'object'),
  CHECK ((kind = 'publish') = (notice_id IS NULL)),
  CHECK ((notice_id IS NULL) = (base_version IS NULL)),
  CHECK ((published_at IS NULL) = (published_notice_id IS NULL) AND (published_at IS NULL) = (published_version IS NULL))
);
CREATE INDEX notice_draft_agency_updated_idx ON notice_draft (agency_id, updated_at DESC);

-- An attachment of a draft, checked by content when uploaded and stored at once, so that a
-- form that fails validation never loses a file the clerk already attached.
CREATE TABLE draft_attachment (
  id         text PRIMARY KEY,
  draft_id   text NOT NULL REFERENCES notice_draft (id) ON DELETE CASCADE,
  position   integer NOT NULL,
  file_name  text NOT NULL,
  media_type text NOT NULL,
  sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size       integer NOT NULL CHECK (size > 0),
  content    bytea NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX draft_attachment_draft_idx ON draft_attachment (draft_id, position);

-- A published draft is the record of what was published from it: read-only, not deletable,
-- and its attachments fixed — even for a buggy service.
CREATE FUNCTION gongshi_forbid_published_draft_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'notice_draft' THEN
    IF OLD.published_at IS NOT NULL THEN
      RAISE EXCEPTION 'notice_draft %: a published draft cannot be changed', OLD.id USING ERRCODE = 'check_violation';
    END IF;
  ELSIF EXISTS (
    SELECT 1 FROM notice_draft d
    WHERE d.id = (CASE WHEN TG_OP = 'INSERT' THEN NEW.draft_id ELSE OLD.draft_id END) AND d.published_at IS NOT NULL
  ) THEN
    RAISE EXCEPTION 'draft_attachment: the attachments of a published draft cannot be changed' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER notice_draft_published_read_only BEFORE UPDATE OR DELETE ON notice_draft
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_published_draft_change();
CREATE TRIGGER draft_attachment_published_read_only BEFORE INSERT OR UPDATE OR DELETE ON draft_attachment
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_published_draft_change();
