-- Review and sign-off (审核、签发). An agency may require that every draft be approved by a
-- reviewer of the same agency before it is published; a reviewer is a clerk of that agency whose
-- clerk_agency row says can_review (changed like any other assignment, under the
-- user.agencies-change audit event the clerk_agency trigger already demands). An agency may
-- also choose to show, on the public notice page, who signed a version off.
ALTER TABLE agency
  ADD COLUMN requires_review boolean NOT NULL DEFAULT false,
  ADD COLUMN show_sign_off boolean NOT NULL DEFAULT false;
GRANT UPDATE (requires_review, show_sign_off) ON agency TO gongshi_app;

-- The audit rule for agencies now covers the review settings too.
DROP TRIGGER agency_updated_audited ON agency;
CREATE CONSTRAINT TRIGGER agency_updated_audited AFTER UPDATE ON agency
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.name_zh, OLD.name_en, OLD.description_zh, OLD.description_en, OLD.requires_review, OLD.show_sign_off)
        IS DISTINCT FROM (NEW.name_zh, NEW.name_en, NEW.description_zh, NEW.description_en, NEW.requires_review, NEW.show_sign_off))
  EXECUTE FUNCTION gongshi_require_audit_event('id', 'agency.update', 'agency.create');

ALTER TABLE clerk_agency ADD COLUMN can_review boolean NOT NULL DEFAULT false;

-- An agency system's token may be created with the right to publish directly in an agency that
-- requires review; without it, its POSTs there become submitted drafts. Set once, at creation
-- (gongshi_app has no UPDATE on the column), and recorded in the token.create event.
ALTER TABLE api_token ADD COLUMN publish_directly boolean NOT NULL DEFAULT false;

-- Where a draft is in review. 'editing' (the clerk's), 'submitted' (waiting for a reviewer,
-- not editable), 'returned' (sent back with comments, editable again), 'approved' (signed off at
-- reviewed_revision: publishing takes exactly that revision). A published draft keeps the state
-- it was published from; published_at says it is published. publish_at is the time an approved
-- draft is scheduled to be published (logged then, not before).
ALTER TABLE notice_draft
  ADD COLUMN state text NOT NULL DEFAULT 'editing' CHECK (state IN ('editing', 'submitted', 'returned', 'approved')),
  ADD COLUMN submitted_at timestamptz(3),
  ADD COLUMN submitted_by text,
  ADD COLUMN reviewed_at timestamptz(3),
  ADD COLUMN reviewed_by text,
  -- The reviewer's name as it was when they signed off: what the public page shows.
  ADD COLUMN reviewer_name text,
  ADD COLUMN reviewed_revision integer,
  ADD COLUMN publish_at timestamptz(3),
  ADD CONSTRAINT notice_draft_submitted CHECK (state <> 'submitted' OR (submitted_at IS NOT NULL AND submitted_by IS NOT NULL)),
  ADD CONSTRAINT notice_draft_approved CHECK (state <> 'approved' OR reviewed_revision IS NOT NULL),
  ADD CONSTRAINT notice_draft_publish_at_approved CHECK (publish_at IS NULL OR state = 'approved');
-- The scheduler's question: which approved drafts are due.
CREATE INDEX notice_draft_due_idx ON notice_draft (publish_at) WHERE publish_at IS NOT NULL AND published_at IS NULL;
CREATE INDEX notice_draft_state_idx ON notice_draft (agency_id, state, updated_at DESC) WHERE published_at IS NULL;

-- The review conversation of a draft: each submission, return (with the reviewer's comments),
-- approval and schedule, in order, for the clerk to read in the editor. The audit trail records
-- the same steps; this table is working state and goes when an unpublished draft is deleted.
CREATE TABLE draft_review (
  id         bigserial PRIMARY KEY,
  draft_id   text NOT NULL REFERENCES notice_draft (id) ON DELETE CASCADE,
  action     text NOT NULL CHECK (action IN ('submit', 'withdraw', 'return', 'approve')),
  actor      text NOT NULL,
  actor_name text NOT NULL,
  revision   integer NOT NULL,
  comment    text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX draft_review_draft_idx ON draft_review (draft_id, id);
GRANT SELECT, INSERT, DELETE ON draft_review TO gongshi_app;
GRANT USAGE, SELECT ON SEQUENCE draft_review_id_seq TO gongshi_app;
