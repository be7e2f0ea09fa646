-- Witnesses (C2SP tlog-witness): what each independent witness last cosigned, and what went
-- wrong the last time the portal asked it. The cosignatures themselves stay in the append-only
-- cosignature table; this table is bookkeeping that may be rewritten, and losing a row costs
-- only one extra 409 round trip (the witness tells the portal its size again).

-- The cosignature's own time (seconds since the epoch, from its signature bytes), so that
-- readers need not decode signatures. Rows written before this column have none.
ALTER TABLE cosignature ADD COLUMN "timestamp" bigint CHECK ("timestamp" >= 0);

CREATE TABLE witness_status (
  -- The witness's key as a C2SP cosignature/v1 vkey (0x04): its identity across renames.
  witness        text PRIMARY KEY,
  -- The policy's name for it when last seen.
  name           text NOT NULL,
  -- The largest checkpoint size it cosigned for this log, and when (the cosignature's time).
  cosigned_size  bigint CHECK (cosigned_size >= 0),
  cosigned_at    timestamptz(3),
  last_error     text,
  last_error_at  timestamptz(3),
  -- The last error is evidence (a fork, a witness ahead of the log, a bad cosignature): it is
  -- kept until the witness cosigns again, and the checkpoint it refused is not sent again.
  evidence       boolean NOT NULL DEFAULT false,
  evidence_size  bigint CHECK (evidence_size >= 0),
  -- Bounded backoff after time-outs, network errors and 5xx answers.
  failures       integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  retry_at       timestamptz(3),
  updated_at     timestamptz(3) NOT NULL DEFAULT now(),
  CHECK ((cosigned_size IS NULL) = (cosigned_at IS NULL)),
  CHECK (evidence = (evidence_size IS NOT NULL))
);
