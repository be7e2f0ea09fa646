-- A token's right to publish directly in an agency that requires review
-- (api_token.publish_directly, 20261208000000_draft_review) is given at creation, or never:
-- the guard that keeps a token's identity fixed now keeps that right fixed too.
CREATE OR REPLACE FUNCTION gongshi_api_token_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'gongshi: % on api_token is forbidden: tokens are revoked, never deleted', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.agency_id IS DISTINCT FROM OLD.agency_id
     OR NEW.label IS DISTINCT FROM OLD.label OR NEW.token_hash IS DISTINCT FROM OLD.token_hash
     OR NEW.prefix IS DISTINCT FROM OLD.prefix OR NEW.created_by IS DISTINCT FROM OLD.created_by
     OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.publish_directly IS DISTINCT FROM OLD.publish_directly THEN
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
