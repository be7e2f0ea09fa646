/**
 * Part of `npm run bench:mirror` (scripts/bench-mirror.ts): attachments for the bench notices of
 * scripts/bench-portal-data.ts, and the plain reader the mirror's copy is compared with.
 *
 * Attachments are inserted straight into SQL like the notices, while their versions still wait
 * in the log queue (the database refuses an attachment for a version already logged), so the
 * committer puts their hashes and sizes in the leaves as it does for uploaded files.
 */
import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { asciiPdf } from "@/lib/server/seed/ascii-pdf";

/** Gives every `every`-th bench notice (BENCH-n, n a multiple of `every`) still unlogged a small PDF on its first version. */
export async function insertBenchAttachments(client: pg.Client, every: number): Promise<{ files: number; bytes: number }> {
  const { rows } = await client.query<{ id: string; notice_id: string }>(
    `SELECT v.id::text AS id, v.notice_id FROM notice_version v JOIN log_queue q ON q.notice_version_id = v.id
     WHERE v.version = 1 AND v.notice_id LIKE 'BENCH-%' AND (substring(v.notice_id FROM 7)::int % $1) = 0`,
    [every],
  );
  let bytes = 0;
  for (let at = 0; at < rows.length; at += 2_000) {
    const batch = rows.slice(at, at + 2_000).map((r) => {
      const content = Buffer.from(
        asciiPdf([`Notice ${r.notice_id}: annex`, "Site plan and schedule of the works described in the notice.", `Reference ${randomBytes(8).toString("hex")}`]),
        "latin1",
      );
      bytes += content.length;
      return { id: r.id, name: `${r.notice_id}-annex.pdf`, content, sha256: createHash("sha256").update(content).digest("hex") };
    });
    await client.query(
      `INSERT INTO attachment (notice_version_id, position, file_name, name_salt, media_type, sha256, size, content)
       SELECT id, 0, name, salt, 'application/pdf', sha, size, content
       FROM unnest($1::bigint[], $2::text[], $3::bytea[], $4::text[], $5::int[], $6::bytea[]) AS t(id, name, salt, sha, size, content)`,
      [
        batch.map((b) => b.id),
        batch.map((b) => b.name),
        batch.map(() => randomBytes(32)),
        batch.map((b) => b.sha256),
        batch.map((b) => b.content.length),
        batch.map((b) => b.content),
      ],
    );
  }
  return { files: rows.length, bytes };
}

export interface PlainRead {
  requests: number;
  pages: number;
  entries: number;
  attachments: number;
  bytes: number;
  seconds: number;
}

/** Through the same HTTP client as the mirror's (global fetch, lib/server/mirror/origin-client.ts), so the two differ only in what is done with the answers. */
async function get(base: string, path: string): Promise<Buffer> {
  const response = await fetch(`${base}${path}`, { headers: { "user-agent": "gongshi-bench" } });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return body;
}

/**
 * The origin's own rate for the reads a sync from `from` makes (lib/server/mirror/sync-mirror.ts,
 * copy-checkpoint.ts, store-records.ts): the checkpoint, the agencies, the checkpoint chain, every
 * records page of every checkpoint (256 entries, not crossing a checkpoint, one after another) and
 * each page's attachments (8 at a time). JSON is parsed only to find what to fetch next: nothing is
 * checked, nothing written.
 */
export async function plainRead(base: string, from: number, recordsPerRequest = 256, downloadsAtOnce = 8): Promise<PlainRead> {
  const t = performance.now();
  const r: PlainRead = { requests: 0, pages: 0, entries: 0, attachments: 0, bytes: 0, seconds: 0 };
  const read = async (path: string) => {
    const body = await get(base, path);
    r.requests++;
    r.bytes += body.length;
    return body;
  };
  const note = (await read("/log/checkpoint")).toString("utf8");
  const size = Number(note.split("\n")[1]);
  await read("/api/v1/agencies");
  let at = from;
  while (at < size) {
    const chain = (JSON.parse((await read(`/api/v1/log/checkpoints?after=${at}&limit=1000`)).toString("utf8")) as { size: number }[]).filter((c) => c.size > at && c.size <= size);
    if (chain.length === 0) throw new Error(`the chain does not reach ${size} from ${at}`);
    for (const cp of chain) {
      for (let start = at; start < cp.size; start += recordsPerRequest) {
        const count = Math.min(recordsPerRequest, cp.size - start);
        const page = JSON.parse((await read(`/api/v1/log/records?start=${start}&count=${count}`)).toString("utf8")) as {
          records: { version?: { notice: string; version: number; attachments: { position: number }[] } }[];
        };
        r.pages++;
        r.entries += page.records.length;
        const files = page.records.flatMap((x) => (x.version ? x.version.attachments.map((a) => ({ v: x.version!, a })) : []));
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(downloadsAtOnce, files.length) }, async () => {
            while (next < files.length) {
              const { v, a } = files[next++]!;
              await read(`/api/v1/notices/${encodeURIComponent(v.notice)}/versions/${v.version}/attachments/${a.position}`);
              r.attachments++;
            }
          }),
        );
      }
      at = cp.size;
    }
  }
  r.seconds = (performance.now() - t) / 1000;
  return r;
}
