-- The public notice page asks, for the version it shows, whether an approved draft published it
-- and who signed it off (lib/notices/get-sign-off.ts): on every uncached page view, so by index.
CREATE INDEX notice_draft_signed_off_idx ON notice_draft (published_notice_id, published_version)
  WHERE state = 'approved' AND published_at IS NOT NULL;
