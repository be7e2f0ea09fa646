-- Agency API tokens and idempotency keys (issue 6, the agency API).
--
-- A token's secret is shown once and never stored: token_hash is SHA-256 of the whole token
-- string, looked up through its unique index (so no comparison ever touches the secret), and
-- prefix is its first characters, enough for a person to tell tokens apart. created_by and
-- revoked_by are plain user ids, like audit_event.actor_user_id: a token's history must not
-- depend on its creator's account still existing.
CREATE TABLE api_token (
  id           text PRIMARY KEY,
  agency_id    text NOT NULL REFERENCES agency (id),
  label        text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  token_hash   text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  prefix       text NOT NULL CHECK (length(prefix) BETWEEN 4 AND 16),
  created_by   text NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  last_used_at timestamptz(3),
  revoked_at   timestamptz(3),
  revoked_by   text,
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX api_token_agency_id_idx ON api_token (agency_id, created_at);

-- A token row records who may publish for an agency; it may only be used (last_used_at) and
-- revoked, once and for good. Not even a bug in the app can re-enable, re-point or delete a token.
CREATE FUNCTION gongshi_api_token_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'gongshi: % on api_token is forbidden: tokens are revoked, never deleted', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.agency_id IS DISTINCT FROM OLD.agency_id
     OR NEW.label IS DISTINCT FROM OLD.label OR NEW.token_hash IS DISTINCT FROM OLD.token_hash
     OR NEW.prefix IS DISTINCT FROM OLD.prefix OR NEW.created_by IS DISTINCT FROM OLD.created_by
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'gongshi: only last_used_at and revocation of an api_token may change'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.revoked_at IS NOT NULL AND (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.revoked_by IS DISTINCT FROM OLD.revoked_by) THEN
    RAISE EXCEPTION 'gongshi: a revoked api_token stays revoked'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER api_token_guard BEFORE UPDATE OR DELETE ON api_token
  FOR EACH ROW EXECUTE FUNCTION gongshi_api_token_guard();
CREATE TRIGGER api_token_no_truncate BEFORE TRUNCATE ON api_token
  FOR EACH STATEMENT EXECUTE FUNCTION gongshi_forbid_change();

-- One row per Idempotency-Key a token has used: the request it named (request_hash, SHA-256
-- of the parsed request, so a retry that re-encodes the same multipart body still matches)
-- and the answer it got. The row is inserted first, in the transaction that publishes, so a
-- concurrent duplicate waits on the primary key and then finds the stored answer.
CREATE TABLE idempotency_key (
  token_id        text NOT NULL REFERENCES api_token (id),
  key             text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  request_hash    text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
  response_status integer,
  response_body   jsonb,
  created_at      timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (token_id, key)
);
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
