/**
 * Step 6 — witness cosignatures: other parties that checked this checkpoint is consistent
 * with every one they saw before, and signed it. A signature by a key the verifier does not
 * know is listed, not failed: C2SP notes carry unknown signatures on purpose (new witnesses,
 * key rotation). A known witness whose signature does not verify is a failure: someone forged
 * or altered a cosignature.
 *
 * Witness keys are Ed25519 note keys (the same form as the log key); C2SP cosignature/v1 keys
 * (algorithm 0x04, timestamped) are not supported yet and are reported as a bad key.
 */
import { formatKeyId, openNote, parseVerifierKey, type NoteSignature } from "@/lib/log";
import type { LogIdentityInput, StepResult, WitnessReport } from "./types";

export function checkWitnesses(note: string, log: LogIdentityInput, witnessKeys: readonly string[] = []): StepResult {
  const logVerifier = parseVerifierKey(log.verifierKey);
  const others: NoteSignature[] = openNote(note, [logVerifier]).unverified;
  const reports: WitnessReport[] = [];
  const seen = new Set<string>();
  for (const keyText of witnessKeys) {
    let verifier;
    try {
      verifier = parseVerifierKey(keyText);
    } catch (e) {
      return { step: "witnesses", status: "failed", code: "bad-witness-key", detail: `a witness key is not usable: ${(e as Error).message}` };
    }
    const id = `${verifier.name}+${verifier.keyId}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const signed = others.some((s) => s.name === verifier.name && s.keyId === verifier.keyId);
    let status: WitnessReport["status"] = "absent";
    if (signed) {
      try {
        openNote(note, [verifier]);
        status = "verified";
      } catch {
        status = "invalid";
      }
    }
    reports.push({ name: verifier.name, keyId: formatKeyId(verifier.keyId), status });
  }
  for (const s of others) {
    if (!seen.has(`${s.name}+${s.keyId}`)) reports.push({ name: s.name, keyId: formatKeyId(s.keyId), status: "unknown" });
  }
  const count = (status: WitnessReport["status"]) => reports.filter((r) => r.status === status).length;
  const base = { step: "witnesses" as const, witnesses: reports };
  if (count("invalid") > 0) {
    return { ...base, status: "failed", code: "bad-cosignature", detail: `${count("invalid")} known witness signature(s) do not verify` };
  }
  if (count("verified") > 0) {
    return { ...base, status: "ok", code: "cosigned", detail: `cosigned by ${count("verified")} known witness(es)${unknownNote(count("unknown"))}` };
  }
  if (reports.length === 0) return { ...base, status: "info", code: "no-cosignatures", detail: "the checkpoint carries no witness cosignatures" };
  return { ...base, status: "info", code: "no-known-witness", detail: `no known witness cosigned this checkpoint${unknownNote(count("unknown"))}` };
}

function unknownNote(unknown: number): string {
  return unknown === 0 ? "" : `; ${unknown} signature(s) by unknown keys were not checked`;
}
