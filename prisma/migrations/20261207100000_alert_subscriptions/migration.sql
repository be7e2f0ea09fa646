-- Email alerts (docs/alerts.md): a visitor subscribes an email address to a search, an agency
-- or a category, confirms by a link, gets digests of new log entries that match, and
-- unsubscribes by a link. These rows are working state, not history: they are updated as
-- digests go out and deleted when a subscription ends or its confirmation expires, because an
-- email address is personal data kept only while it is needed.
CREATE TABLE alert_subscription (
  id              text PRIMARY KEY,
  -- As typed (trimmed); compared case-insensitively (the index below).
  email           text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  -- The language the visitor subscribed in: every mail to them is in it.
  locale          text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  -- search | agency | category: what the form offered (lib/alerts/subscription-filter.ts).
  kind            text NOT NULL CHECK (kind IN ('search', 'agency', 'category')),
  -- The search filters matched against new versions: {q, agency[], category[], status[], language[]}.
  filter          jsonb NOT NULL,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  -- When the one confirmation mail was sent; an address gets at most one per period.
  confirmation_sent_at timestamptz(3),
  -- Null until the visitor confirms; nothing but the confirmation mail goes out before.
  confirmed_at    timestamptz(3),
  -- Log entries below this index have been dealt with (mailed, or found not to match). Set at
  -- confirmation to the log's size then, and moved in the same transaction that records a digest.
  next_index      bigint CHECK (next_index >= 0),
  last_digest_at  timestamptz(3),
  CHECK ((confirmed_at IS NULL) = (next_index IS NULL))
);
-- One subscription per address and filter; the per-address cap and throttle look up by address.
CREATE UNIQUE INDEX alert_subscription_email_filter_idx ON alert_subscription (lower(email), filter);
CREATE INDEX alert_subscription_confirmed_idx ON alert_subscription (confirmed_at, next_index);

-- The confirm and unsubscribe tokens of the links in the mails: only their SHA-256 is kept, so
-- a copy of the database cannot confirm or end anyone's subscription. Every mail carries a fresh
-- unsubscribe token; all of a subscription's tokens go with it.
CREATE TABLE alert_token (
  token_hash      text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  subscription_id text NOT NULL REFERENCES alert_subscription (id) ON DELETE CASCADE,
  purpose         text NOT NULL CHECK (purpose IN ('confirm', 'unsubscribe')),
  created_at      timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX alert_token_subscription_idx ON alert_token (subscription_id);

-- The application subscribes, confirms, records digests and deletes; it never re-keys a row.
GRANT SELECT, INSERT, DELETE ON alert_subscription, alert_token TO gongshi_app;
GRANT UPDATE (confirmation_sent_at, confirmed_at, next_index, last_digest_at) ON alert_subscription TO gongshi_app;
