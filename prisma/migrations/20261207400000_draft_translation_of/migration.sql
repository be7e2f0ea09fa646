-- A draft of a new notice may name the notice it translates (lib/drafts, lib/translations): the
-- link is recorded, with its audit event, in the transaction that publishes the draft, so the
-- translation and its relation appear together or not at all. Only a new notice can be a
-- translation this way; an amendment keeps whatever its notice already is.
-- gongshi_app's table-level SELECT, INSERT, UPDATE on notice_draft (20261206000000_database_roles)
-- covers a new column: no further grant is needed.
ALTER TABLE notice_draft
  ADD COLUMN translation_of text REFERENCES notice(id),
  ADD CONSTRAINT notice_draft_translation_of_new_notice CHECK (translation_of IS NULL OR kind = 'publish');
