/**
 * What makes a mirror refuse its origin. Only what the origin cannot explain away: a checkpoint
 * its own key did not sign, two signed checkpoints that cannot both be true, or bytes that do
 * not match the signed log. Everything else (the origin is down, answers 5xx, times out, sends
 * malformed JSON) only leaves the mirror behind, and it tries again.
 */
import type { MirrorEvidence } from "@/lib/server/api/contract";

export class MirrorRefusal extends Error {
  constructor(readonly evidence: Omit<MirrorEvidence, "at">) {
    super(evidence.message);
    this.name = "MirrorRefusal";
  }
}

/** The origin could not be read, or answered what a correct origin never does without signing anything wrong. */
export class OriginUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OriginUnavailable";
  }
}
