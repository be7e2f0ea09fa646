/**
 * Reads from the origin over its public HTTP interface, the only access a mirror has: the
 * C2SP checkpoint, the JSON API and attachment downloads. Every read has a time-out and a size
 * cap, and anything but a well-formed answer is OriginUnavailable (the mirror stays behind and
 * tries again); judging what a well-formed answer says is the caller's job.
 */
import type { z } from "zod";
import { concatBytes } from "@/lib/core/log";
import { OriginUnavailable } from "./mirror-evidence";
import { originAgenciesSchema, originChainSchema, originConsistencySchema, originRecordsSchema, type OriginCheckpoint } from "./origin-schemas";

export const ORIGIN_TIMEOUT_MS = 30_000;
const MAX_JSON_BYTES = 64 * 1024 * 1024;
const MAX_NOTE_BYTES = 64 * 1024;

export interface OriginClient {
  readonly url: string;
  checkpoint(): Promise<string>;
  chain(after: number, limit: number): Promise<OriginCheckpoint[]>;
  records(start: number, count: number): Promise<z.infer<typeof originRecordsSchema>>;
  agencies(): Promise<z.infer<typeof originAgenciesSchema>["agencies"]>;
  consistency(from: number, to: number): Promise<string[]>;
  attachment(notice: string, version: number, position: number, size: number): Promise<Uint8Array>;
}

export function originClient(url: string, timeoutMs = ORIGIN_TIMEOUT_MS): OriginClient {
  const get = async (path: string, maxBytes: number, truncate = false): Promise<Uint8Array> => {
    let response: Response;
    try {
      response = await fetch(url + path, { signal: AbortSignal.timeout(timeoutMs), redirect: "error", headers: { "user-agent": "gongshi-mirror" } });
    } catch (e) {
      throw new OriginUnavailable(`the origin ${url} could not be reached (${describe(e)})`);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new OriginUnavailable(`the origin answered ${response.status} to GET ${path}`);
    }
    return readCapped(response, maxBytes, path, truncate);
  };
  const getJson = async <T>(path: string, schema: z.ZodType<T>): Promise<T> => {
    const bytes = await get(path, MAX_JSON_BYTES);
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      throw new OriginUnavailable(`the origin's answer to GET ${path} is not JSON`);
    }
    const result = schema.safeParse(parsed);
    if (!result.success)
      throw new OriginUnavailable(`the origin's answer to GET ${path} is malformed: ${result.error.issues[0]?.path.join(".")} ${result.error.issues[0]?.message}`);
    return result.data;
  };
  return {
    url,
    checkpoint: async () => {
      const bytes = await get("/log/checkpoint", MAX_NOTE_BYTES);
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        throw new OriginUnavailable("the origin's checkpoint is not UTF-8");
      }
    },
    chain: (after, limit) => getJson(`/api/v1/log/checkpoints?after=${after}&limit=${limit}`, originChainSchema),
    records: (start, count) => getJson(`/api/v1/log/records?start=${start}&count=${count}`, originRecordsSchema),
    agencies: async () => (await getJson("/api/v1/agencies", originAgenciesSchema)).agencies,
    consistency: async (from, to) => (await getJson(`/api/v1/log/proof/consistency?from=${from}&to=${to}`, originConsistencySchema)).hashes,
    // Built here from the log's own names, never from a URL the origin supplies. Read at most one
    // byte more than the log says: a longer file is a mismatch the caller reports, not a read error.
    attachment: (notice, version, position, size) => get(`/api/v1/notices/${encodeURIComponent(notice)}/versions/${version}/attachments/${position}`, size + 1, true),
  };
}

async function readCapped(response: Response, maxBytes: number, path: string, truncate: boolean): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (!truncate && Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new OriginUnavailable(`the origin's answer to GET ${path} is larger than ${maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      chunks.push(chunk);
      if (total > maxBytes) {
        if (!truncate) throw new OriginUnavailable(`the origin's answer to GET ${path} is larger than ${maxBytes} bytes`);
        await response.body?.cancel().catch(() => undefined);
        break;
      }
    }
  } catch (e) {
    if (e instanceof OriginUnavailable) throw e;
    throw new OriginUnavailable(`reading the origin's answer to GET ${path} failed (${describe(e)})`);
  }
  return concatBytes(...chunks);
}

function describe(e: unknown): string {
  const error = e as Error & { cause?: { code?: string; message?: string } };
  if (error?.name === "TimeoutError") return "timed out";
  return error?.cause?.code ?? error?.cause?.message ?? error?.message ?? String(e);
}
