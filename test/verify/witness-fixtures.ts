/**
 * Real witnesses for verifier tests: fresh cosignature/v1 keys (generateCosignatureKey),
 * cosignatures made with the real signing code on real signed checkpoints, and tlog-policy
 * text naming them the way an operator would write it.
 */
import { generateCosignatureKey, parseCosignatureSignerKey, parseWitnessPolicy, type CosignatureSigner, type WitnessPolicy } from "@/lib/core/log";

export interface TestWitness {
  /** The policy name (any text without spaces). */
  name: string;
  signer: CosignatureSigner;
  signerKey: string;
  verifierKey: string;
}

export function makeWitness(name: string, keyName: string): TestWitness {
  const { signerKey, verifierKey } = generateCosignatureKey(keyName);
  return { name, signer: parseCosignatureSignerKey(signerKey), signerKey, verifierKey };
}

/** The demo's two witnesses: a newspaper and the city archives. */
export function demoWitnesses(): [TestWitness, TestWitness] {
  return [makeWitness("海平日报", "witness.haiping-daily.example"), makeWitness("海平市档案馆", "witness.haiping-archives.example")];
}

/** The note with each witness's cosignature line appended, as the portal serves it. */
export function cosign(note: string, witnesses: readonly TestWitness[], timestamp = 1_780_000_000): string {
  const text = note.slice(0, note.lastIndexOf("\n\n") + 1);
  return note + witnesses.map((w) => w.signer.cosign(text, timestamp)).join("");
}

/** A tlog-policy file requiring `quorum` ("all", "any" or a number) of the witnesses. */
export function policyText(witnesses: readonly TestWitness[], quorum: string = "all", logKey?: string): string {
  return [
    "# test policy",
    ...(logKey ? [`log ${logKey}`] : []),
    ...witnesses.map((w) => `witness ${w.name} ${w.verifierKey} http://127.0.0.1:9/${encodeURIComponent(w.name)}`),
    `group witnesses ${quorum} ${witnesses.map((w) => w.name).join(" ")}`,
    "quorum witnesses",
    "",
  ].join("\n");
}

export function policyOf(witnesses: readonly TestWitness[], quorum: string = "all"): WitnessPolicy {
  return parseWitnessPolicy(policyText(witnesses, quorum));
}
