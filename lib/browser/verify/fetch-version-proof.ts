/**
 * The network half of verifying a notice version in the browser: everything is fetched from
 * the portal's public API, and nothing fetched is trusted — lib/core/verify checks it all against
 * the log key built into the page. Only plain fetch calls live here, so the time spent on the
 * network and the time spent computing can be measured apart.
 */
import { readCheckpoint, type ShownVersion } from "@/lib/core/verify";
import type { WitnessedClaim } from "./choose-checkpoint";
/** Types only: the notice as GET /api/v1/notices/{id} serves it, from the API contract, and no zod in the page's bundle. */
import type { NoticeDto } from "@/lib/server/api/contract";

export class FetchFailure extends Error {
  constructor(
    readonly code: "network" | "not-found" | "no-version" | "bad-response",
    message: string,
  ) {
    super(message);
  }
}

export interface CommittedVersion {
  shown: ShownVersion;
  index: number;
  /** The agency's names as the portal gives them, for the verdict sentence (the leaf commits only the agency id, which the content step checks). */
  agencyName: { zh: string; en: string };
}

/** A fresh copy (no-store: the check is of what the server hands out now); a 404 or a network failure as a FetchFailure. */
export async function fetchFresh(url: string, signal: AbortSignal | undefined): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, cache: "no-store" });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new FetchFailure("network", `${url}: ${(e as Error).message}`);
  }
  if (response.status === 404) throw new FetchFailure("not-found", url);
  return response;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetchFresh(url, signal);
  if (!response.ok) throw new FetchFailure("bad-response", `${url}: HTTP ${response.status}`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new FetchFailure("bad-response", `${url}: not JSON`);
  }
}

/**
 * The version as the portal shows it, or "pending" while no signed checkpoint covers it yet.
 * `version` undefined means the notice's latest version.
 */
export async function fetchShownVersion(noticeId: string, version: number | undefined, signal?: AbortSignal): Promise<CommittedVersion | "pending"> {
  const notice = await getJson<NoticeDto>(`/api/v1/notices/${encodeURIComponent(noticeId)}`, signal);
  const v = version === undefined ? notice.versions.at(-1) : notice.versions.find((x) => x.version === version);
  if (!v) throw new FetchFailure("no-version", `${noticeId} v${version}`);
  if (v.status !== "committed" || !v.log) return "pending";
  return {
    index: v.log.index,
    agencyName: { zh: notice.agency.nameZh ?? notice.agency.id, en: notice.agency.nameEn ?? notice.agency.id },
    shown: {
      notice: notice.id,
      agency: notice.agency.id,
      version: v.version,
      kind: v.kind,
      loggedAt: v.log.loggedAt,
      fields: v.fields,
      salts: v.salts,
      attachments: v.attachments.map((a) => ({ sha256: a.sha256, size: a.size, name: a.fileName, nameSalt: a.nameSalt })),
      withheld: v.withheld,
    },
  };
}

export interface LogProofParts {
  checkpoint: string;
  entry: { index: number; leaf: string; leafHash: string };
  inclusionProof: string[];
}

/** The newest checkpoint note as served: the log's signature, then every cosignature collected for it. */
export async function fetchNewestCheckpoint(signal?: AbortSignal): Promise<string> {
  const response = await fetchFresh("/log/checkpoint", signal);
  if (!response.ok) throw new FetchFailure("bad-response", `/log/checkpoint: HTTP ${response.status}`);
  return response.text();
}

/**
 * The server's claim of the newest checkpoint meeting the witness quorum (GET /api/v1/log),
 * or null. Only its shape is checked here; choose-checkpoint.ts checks the claim itself.
 */
export async function fetchWitnessedClaim(signal?: AbortSignal): Promise<WitnessedClaim | null> {
  let answer: { witnessed?: unknown } | null;
  try {
    answer = await getJson<{ witnessed?: unknown }>("/api/v1/log", signal);
  } catch (e) {
    // No claim is the same as a claim that fails its checks: keep waiting for witnesses.
    if (e instanceof FetchFailure) return null;
    throw e;
  }
  const w = answer?.witnessed as { size?: unknown; checkpoint?: unknown } | null | undefined;
  if (!w || typeof w !== "object" || typeof w.checkpoint !== "string" || !Number.isSafeInteger(w.size)) return null;
  return { size: w.size as number, checkpoint: w.checkpoint };
}

/** The entry and its inclusion proof at exactly the size of `checkpoint`. */
export async function fetchInclusion(index: number, checkpoint: string, signal?: AbortSignal): Promise<LogProofParts> {
  // Read before it is verified only to learn which size to ask the proof for; the inclusion
  // and signature steps then check this very text.
  const size = readCheckpoint(checkpoint)?.size;
  const sizeParam = size === undefined ? "" : `&size=${size}`;
  const [entry, proof] = await Promise.all([
    getJson<LogProofParts["entry"]>(`/api/v1/log/entries/${index}`, signal),
    getJson<{ hashes: string[] }>(`/api/v1/log/proof/inclusion?index=${index}${sizeParam}`, signal),
  ]);
  return { checkpoint, entry, inclusionProof: proof.hashes };
}

/** Where the notice page offers an attachment for download: the file the verdict must cover is that one. */
export function attachmentUrl(noticeId: string, version: number, position: number): string {
  return `/api/v1/notices/${encodeURIComponent(noticeId)}/versions/${version}/attachments/${position}`;
}

/** The log's proof that one size extends another; null when the server does not give one. */
export async function fetchConsistencyProof(from: number, to: number, signal?: AbortSignal): Promise<string[] | null> {
  try {
    // Anything but a list of strings is "no proof given", which the consistency step reports.
    const hashes = (await getJson<{ hashes?: unknown } | null>(`/api/v1/log/proof/consistency?from=${from}&to=${to}`, signal))?.hashes;
    return Array.isArray(hashes) && hashes.every((h) => typeof h === "string") ? hashes : null;
  } catch (e) {
    if (e instanceof FetchFailure) return null;
    throw e;
  }
}
