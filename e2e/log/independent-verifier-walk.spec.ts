import { expect, test } from "@playwright/test";
import { E2E_LOG_ORIGIN, E2E_VERIFIER_KEY } from "../support/test-log-key";
import { hashes, leafHash, noteHash, verifyCheckpoint, verifyConsistency, verifyInclusion } from "../support/independent-verifier";

/**
 * An independent verifier, pointed at the running portal, checks everything the log serves:
 * the checkpoint against the published key, every entry's inclusion proof, and every chain
 * row's signature, prev-hash link and consistency proof.
 */
test("an independent verifier accepts the whole log served over HTTP", async ({ request }) => {
  // The demo seed commits each version on its own (its replayed history), so the chain has a
  // checkpoint per entry, each with a consistency proof to check: two requests per entry more.
  test.setTimeout(180_000);
  const info = await (await request.get("/api/v1/log")).json();
  expect(info.origin).toBe(E2E_LOG_ORIGIN);
  expect(info.verifierKey).toBe(E2E_VERIFIER_KEY);
  const head = verifyCheckpoint(info.checkpoint, E2E_VERIFIER_KEY);
  expect(head.origin).toBe(E2E_LOG_ORIGIN);
  expect(head.size).toBeGreaterThanOrEqual(60);
  expect(head.root.toString("base64")).toBe(info.rootHash);

  const c2sp = await request.get("/log/checkpoint");
  expect(c2sp.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(verifyCheckpoint(await c2sp.text(), E2E_VERIFIER_KEY).size).toBeGreaterThanOrEqual(head.size);

  const leafHashes: Buffer[] = [];
  for (let index = 0; index < head.size; index++) {
    const entry = await (await request.get(`/api/v1/log/entries/${index}`)).json();
    const hash = leafHash(Buffer.from(entry.leaf, "base64"));
    expect(hash.toString("base64"), `entry ${index}`).toBe(entry.leafHash);
    const proof = await (await request.get(`/api/v1/log/proof/inclusion?index=${index}&size=${head.size}`)).json();
    expect(proof).toMatchObject({ index, size: head.size });
    verifyInclusion(index, head.size, hash, hashes(proof.hashes), head.root);
    leafHashes.push(hash);
  }

  // Tiles agree with the entries: level-0 tile 0 is the concatenated leaf hashes.
  const width = Math.min(head.size, 256);
  const tile = await request.get(`/log/tile/0/000${width < 256 ? `.p/${width}` : ""}`);
  expect(Buffer.from(await tile.body()).equals(Buffer.concat(leafHashes.slice(0, width)))).toBe(true);

  const chain: { size: number; rootHash: string; note: string; prevHash: string | null }[] = [];
  for (let after: number | undefined; ;) {
    const page = await (await request.get(`/api/v1/log/checkpoints?limit=3${after === undefined ? "" : `&after=${after}`}`)).json();
    if (page.length === 0) break;
    chain.push(...page);
    after = page[page.length - 1].size;
  }
  expect(chain.length).toBeGreaterThan(0);
  let prev: { size: number; root: Buffer; note: string } | null = null;
  for (const row of chain) {
    const cp = verifyCheckpoint(row.note, E2E_VERIFIER_KEY);
    expect(cp.size).toBe(row.size);
    expect(cp.root.toString("base64")).toBe(row.rootHash);
    expect(row.prevHash).toBe(prev ? noteHash(prev.note) : null);
    if (prev) {
      const proof = await (await request.get(`/api/v1/log/proof/consistency?from=${prev.size}&to=${cp.size}`)).json();
      verifyConsistency(prev.size, cp.size, hashes(proof.hashes), prev.root, cp.root);
    }
    prev = { size: cp.size, root: cp.root, note: row.note };
  }
  expect(prev!.size).toBeGreaterThanOrEqual(head.size);
});

test("the independent verifier rejects a proof with one byte changed", async ({ request }) => {
  const info = await (await request.get("/api/v1/log")).json();
  const head = verifyCheckpoint(info.checkpoint, E2E_VERIFIER_KEY);
  const entry = await (await request.get(`/api/v1/log/entries/3`)).json();
  const proof = await (await request.get(`/api/v1/log/proof/inclusion?index=3&size=${head.size}`)).json();
  const tampered = hashes(proof.hashes);
  tampered[0]![0] = tampered[0]![0]! ^ 1;
  expect(() => verifyInclusion(3, head.size, leafHash(Buffer.from(entry.leaf, "base64")), tampered, head.root)).toThrow();
  const forged = info.checkpoint.replace(/\n(\d+)\n/, (_m: string, n: string) => `\n${Number(n) + 1}\n`);
  expect(() => verifyCheckpoint(forged, E2E_VERIFIER_KEY)).toThrow(/signature/);
});
