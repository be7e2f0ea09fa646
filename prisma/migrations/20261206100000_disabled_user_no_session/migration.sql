-- A disabled user (one without a role, lib/auth/account-enabled.ts) holds no session. Disabling
-- deletes their sessions (lib/admin/disable-user.ts) and sign-in refuses them with a message;
-- this trigger is the guarantee under both, also for a sign-in racing the disabling: it holds
-- the role row FOR SHARE, so a concurrent DELETE of the role waits until the new session is
-- committed (and then deletes it with the others), or this insert waits until the role is gone
-- and is refused.
CREATE FUNCTION gongshi_session_needs_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM user_role WHERE user_id = NEW.user_id FOR SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'user % is disabled: no session', NEW.user_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER auth_session_needs_role BEFORE INSERT OR UPDATE OF user_id ON auth_session
  FOR EACH ROW EXECUTE FUNCTION gongshi_session_needs_role();

-- Sessions a disabled user opened before this migration (sign-in did not check then) end now.
DELETE FROM auth_session s WHERE NOT EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = s.user_id);
