-- The search index: one row per notice describing its latest version (lib/search/index-notice.ts).
-- Derived data, rebuilt by `npm run search:reindex`, so unlike the log tables it may be updated.
-- Han text is tokenized in Node (docs/search.md): `document` arrives as a tsvector literal, and
-- the database's own text parser is never used on it.
CREATE TABLE notice_search (
  notice_id      text PRIMARY KEY REFERENCES notice (id),
  agency_id      text NOT NULL REFERENCES agency (id),
  category       text,
  language       text,
  status         text NOT NULL CHECK (status IN ('in-force', 'amended', 'corrected', 'retracted')),
  -- Some field of the latest version is withheld by a redaction.
  withheld       boolean NOT NULL DEFAULT false,
  title          text NOT NULL,
  number         text,
  -- The number folded for exact lookup (lib/search/number-key.ts).
  number_key     text,
  latest_version integer NOT NULL CHECK (latest_version >= 1),
  latest_kind    text NOT NULL CHECK (latest_kind IN ('publish', 'amend', 'correct', 'retract')),
  published_at   timestamptz(3) NOT NULL,
  updated_at     timestamptz(3) NOT NULL,
  effective_date text CHECK (effective_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
  -- The start of the plain body, for result snippets (never a withheld field).
  excerpt        text NOT NULL DEFAULT '',
  document       tsvector NOT NULL DEFAULT ''::tsvector
);
CREATE INDEX notice_search_document_idx ON notice_search USING gin (document);
-- Newest/oldest listing, alone or under one filter; the date range uses the same column.
CREATE INDEX notice_search_updated_idx ON notice_search (updated_at, notice_id);
CREATE INDEX notice_search_agency_updated_idx ON notice_search (agency_id, updated_at);
CREATE INDEX notice_search_category_updated_idx ON notice_search (category, updated_at);
CREATE INDEX notice_search_status_updated_idx ON notice_search (status, updated_at);
CREATE INDEX notice_search_withheld_idx ON notice_search (updated_at) WHERE withheld;
CREATE INDEX notice_search_number_key_idx ON notice_search (number_key);
