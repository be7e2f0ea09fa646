-- Two database roles, so that whoever holds the application's credentials cannot rewrite
-- history (docs/database-roles.md):
--   gongshi_owner  owns every table, function and sequence; migrations run as it
--                  (lib/db/migrate.ts switches to it for every later migration).
--   gongshi_app    what the server, the committer and the scripts connect as: no superuser,
--                  owns nothing, and holds only the privileges granted below, so it can
--                  neither disable a trigger, nor change session_replication_role, nor run
--                  COPY … FROM PROGRAM, nor read server files.
-- Roles belong to the PostgreSQL cluster, not to one database: a second Gongshi database on
-- the same server shares them. Creating them needs CREATEROLE (or a superuser), once.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gongshi_owner') THEN
    CREATE ROLE gongshi_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'gongshi_app') THEN
    CREATE ROLE gongshi_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- Another database on this server created them at the same moment.
  NULL;
END $$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname IN ('gongshi_app', 'gongshi_owner')
             AND (rolsuper OR rolbypassrls OR rolreplication)) THEN
    RAISE EXCEPTION 'gongshi: the role gongshi_app or gongshi_owner is a superuser or bypasses row security; it must not be';
  END IF;
  IF pg_has_role('gongshi_app', 'gongshi_owner', 'MEMBER') THEN
    RAISE EXCEPTION 'gongshi: gongshi_app must not be a member of gongshi_owner';
  END IF;
  -- The migrator (a superuser at set-up, or a role with CREATEROLE) must be able to act as the
  -- owner to hand it the tables and to run later migrations as it.
  IF current_user <> 'gongshi_owner' AND NOT pg_has_role(current_user, 'gongshi_owner', 'MEMBER') THEN
    EXECUTE format('GRANT gongshi_owner TO %I', current_user);
  END IF;
END $$;

-- Everything the migrations made so far now belongs to the owner.
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('ALTER TABLE public.%I OWNER TO gongshi_owner', r.tablename);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'public' AND p.proname LIKE 'gongshi\_%' LOOP
    EXECUTE format('ALTER FUNCTION %s OWNER TO gongshi_owner', r.fn);
  END LOOP;
END $$;

-- Only the owner creates objects; the application may use the schema, nothing more.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO gongshi_app;
GRANT USAGE, CREATE ON SCHEMA public TO gongshi_owner;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM gongshi_app;

-- History: read and append, never change. (Triggers forbid changes too, for the owner.)
GRANT SELECT, INSERT ON notice, notice_version, attachment, log_entry, checkpoint, cosignature,
  redaction, audit_event TO gongshi_app;
-- A narrower tile row is replaced when its tile widens; the delete guard refuses anything else.
GRANT SELECT, INSERT, DELETE ON tree_tile TO gongshi_app;
-- Queues: a version leaves when its log entry is written (guarded by triggers).
GRANT SELECT, INSERT, DELETE ON log_queue, redaction_queue TO gongshi_app;

-- Agencies are never deleted; their names change only with an audit event (below).
GRANT SELECT, INSERT ON agency TO gongshi_app;
GRANT UPDATE (name_zh, name_en, description_zh, description_en) ON agency TO gongshi_app;
-- Who may act: changed by the administrators' services, each change with its audit event.
GRANT SELECT, INSERT, UPDATE, DELETE ON user_role, clerk_agency TO gongshi_app;
-- Tokens are revoked, never deleted or re-keyed; last_used_at is bookkeeping.
GRANT SELECT, INSERT ON api_token TO gongshi_app;
GRANT UPDATE (revoked_at, revoked_by, last_used_at) ON api_token TO gongshi_app;

-- Accounts and sessions, as better-auth manages them; users are disabled, never deleted.
GRANT SELECT, INSERT, UPDATE ON auth_user, auth_account TO gongshi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON auth_session, auth_verification TO gongshi_app;

-- Working state: drafts, idempotency records, witnessing and mirroring progress.
GRANT SELECT, INSERT, UPDATE, DELETE ON notice_draft, draft_attachment TO gongshi_app;
GRANT SELECT, INSERT, UPDATE ON idempotency_key, witness_status, mirror_state TO gongshi_app;

-- The search index is derived from the log and rebuilt by `npm run search:reindex`; the
-- application maintains it, and `npm run log:audit` rebuilds it in memory and names any row
-- that differs (docs/database-roles.md).
GRANT SELECT, INSERT, UPDATE, DELETE ON notice_search TO gongshi_app;

GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO gongshi_app;

-- A change to who may act, to an API token, or to an agency's name commits only together with
-- an audit event about the same subject written in the same transaction: a row changed
-- without one (by a bug, or by hand with the application's credentials) is refused at commit.
-- Deferred, so the event may be written before or after the change.
CREATE FUNCTION gongshi_require_audit_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_subject text := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END) ->> TG_ARGV[0];
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM audit_event a
    WHERE a.xmin = pg_current_xact_id()::xid AND a.subject = row_subject AND a.action = ANY (TG_ARGV[1:])
  ) THEN
    RAISE EXCEPTION 'gongshi: % on % (%) needs an audit event (%) in the same transaction', TG_OP, TG_TABLE_NAME, row_subject, array_to_string(TG_ARGV[1:], ', ')
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
ALTER FUNCTION gongshi_require_audit_event() OWNER TO gongshi_owner;

CREATE CONSTRAINT TRIGGER user_role_audited AFTER INSERT OR UPDATE OR DELETE ON user_role
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION gongshi_require_audit_event('user_id', 'user.create', 'user.role-change', 'user.disable');
CREATE CONSTRAINT TRIGGER clerk_agency_audited AFTER INSERT OR UPDATE OR DELETE ON clerk_agency
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION gongshi_require_audit_event('user_id', 'user.create', 'user.agencies-change', 'user.disable');
CREATE CONSTRAINT TRIGGER api_token_created_audited AFTER INSERT ON api_token
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION gongshi_require_audit_event('id', 'token.create');
CREATE CONSTRAINT TRIGGER api_token_revoked_audited AFTER UPDATE ON api_token
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
  EXECUTE FUNCTION gongshi_require_audit_event('id', 'token.revoke');
CREATE CONSTRAINT TRIGGER agency_created_audited AFTER INSERT ON agency
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  EXECUTE FUNCTION gongshi_require_audit_event('id', 'agency.create');
CREATE CONSTRAINT TRIGGER agency_updated_audited AFTER UPDATE ON agency
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.name_zh, OLD.name_en, OLD.description_zh, OLD.description_en)
        IS DISTINCT FROM (NEW.name_zh, NEW.name_en, NEW.description_zh, NEW.description_en))
  EXECUTE FUNCTION gongshi_require_audit_event('id', 'agency.update', 'agency.create');
