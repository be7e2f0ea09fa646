-- Mirror mode (docs/mirrors.md): a Gongshi that copies another Gongshi's public content through
-- its public HTTP interface, checks it against the origin's signed log, and serves it. The
-- copied content goes into the same tables as an origin's own (append-only as there); this one
-- row is the mirror's bookkeeping: how far it has verified, whether it still follows the origin,
-- and, once it refuses, the evidence why. Rewritten freely; an origin never has a row here.
CREATE TABLE mirror_state (
  id              integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  -- The origin's base URL, as MIRROR_OF names it.
  origin_url      text NOT NULL,
  -- The checkpoint origin line the mirror follows, fixed by the first checkpoint it verified.
  log_origin      text,
  -- following: holds a verified copy up to the origin's newest checkpoint it has seen;
  -- behind: the last attempt did not finish (origin unreachable, copy under way);
  -- refused: the origin served a fork, a rollback, a bad signature or bytes that do not match
  -- the log; the mirror stops following and keeps serving what it verified.
  state           text NOT NULL DEFAULT 'behind' CHECK (state IN ('following', 'behind', 'refused')),
  -- The size of the newest checkpoint the mirror holds with everything it covers.
  size            bigint NOT NULL DEFAULT 0 CHECK (size >= 0),
  -- When the mirror last verified that it holds the origin's newest checkpoint.
  verified_at     timestamptz(3),
  -- The newest checkpoint size the origin served, verified or not.
  origin_size     bigint CHECK (origin_size >= 0),
  last_error      text,
  last_attempt_at timestamptz(3),
  -- Why the mirror refused: both checkpoints, the failing proof, notice, field or file (JSON).
  evidence        jsonb,
  -- Changes when the state or the verified size does: pages showing the mirror banner key on it.
  changed_at      timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((state = 'refused') = (evidence IS NOT NULL))
);
