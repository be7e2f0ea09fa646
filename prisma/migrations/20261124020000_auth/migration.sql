-- Clerks and administrators (issue 6). The four auth_* tables are exactly what better-auth's
-- Prisma adapter reads and writes (models User, Session, Account, Verification); the auth_
-- prefix keeps them apart from the notice tables and avoids the reserved word "user".

CREATE TABLE auth_user (
  id             text PRIMARY KEY,
  name           text NOT NULL,
  -- better-auth stores emails lower-cased; the unique index is what makes an email one account.
  email          text NOT NULL UNIQUE,
  email_verified boolean NOT NULL DEFAULT false,
  image          text,
  created_at     timestamptz(3) NOT NULL DEFAULT now(),
  updated_at     timestamptz(3) NOT NULL DEFAULT now()
);

CREATE TABLE auth_session (
  id          text PRIMARY KEY,
  user_id     text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  token       text NOT NULL UNIQUE,
  expires_at  timestamptz(3) NOT NULL,
  ip_address  text,
  user_agent  text,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX auth_session_user_id_idx ON auth_session (user_id);

CREATE TABLE auth_account (
  id                       text PRIMARY KEY,
  user_id                  text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  account_id               text NOT NULL,
  provider_id              text NOT NULL,
  access_token             text,
  refresh_token            text,
  id_token                 text,
  access_token_expires_at  timestamptz(3),
  refresh_token_expires_at timestamptz(3),
  scope                    text,
  -- A scrypt hash (better-auth's format), never the password.
  password                 text,
  created_at               timestamptz(3) NOT NULL DEFAULT now(),
  updated_at               timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX auth_account_user_id_idx ON auth_account (user_id);

CREATE TABLE auth_verification (
  id          text PRIMARY KEY,
  identifier  text NOT NULL,
  value       text NOT NULL,
  expires_at  timestamptz(3) NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX auth_verification_identifier_idx ON auth_verification (identifier);

-- One role per user. A user without a row may sign in but is authorized for nothing.
CREATE TABLE user_role (
  user_id    text PRIMARY KEY REFERENCES auth_user (id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('administrator', 'clerk', 'auditor')),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);

-- The agencies a clerk publishes for (many-to-many).
CREATE TABLE clerk_agency (
  user_id    text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE,
  agency_id  text NOT NULL REFERENCES agency (id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, agency_id)
);
CREATE INDEX clerk_agency_agency_id_idx ON clerk_agency (agency_id);

-- The audit trail: who did what, when, from where. Append-only like the log: the actor is
-- kept as a plain id (no foreign key), so removing a user can never remove or rewrite their
-- history, and triggers refuse UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_event (
  id            bigserial PRIMARY KEY,
  at            timestamptz(3) NOT NULL DEFAULT now(),
  actor_user_id text,
  action        text NOT NULL CHECK (action ~ '^[a-z][a-z0-9.-]*$'),
  subject       text,
  detail        jsonb NOT NULL DEFAULT '{}',
  ip            text,
  user_agent    text
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
-- The sign-in throttle counts recent failures by subject (the email) and by address.
CREATE INDEX audit_event_action_subject_at_idx ON audit_event (action, subject, at);
CREATE INDEX audit_event_action_ip_at_idx ON audit_event (action, ip, at);
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION gongshi_forbid_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();
