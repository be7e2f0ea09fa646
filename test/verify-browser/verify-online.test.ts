/**
 * verifyOnline end to end over real HTTP: a node:http server answers the portal's public API
 * from a real signed, cosigned sample log, and the browser code runs unchanged against it
 * (only its relative URLs are resolved against the server, and localStorage is a Map). Covers
 * each way the built-in witness policy can decide: the newest checkpoint meets the quorum;
 * only the server's witnessed checkpoint does; none does yet (waiting, then finishing when the
 * last witness cosigns); and a witnessed checkpoint the newest does not extend. And the
 * attachments: each is downloaded from where the notice page offers it and checked against the
 * log entry, with progress reported as the bytes arrive.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { formatHash, proveConsistency, proveInclusion, sha256Hash, storedHashIndex, utf8 } from "@/lib/core/log";
import { KEPT_CHECKPOINT_PREFIX } from "@/lib/browser/verify/checkpoint-store";
import type { WitnessWait } from "@/lib/browser/verify/choose-checkpoint";
import { verifyOnline, type Phase } from "@/lib/browser/verify/verify-online";
import { TileLog } from "../log/helpers";
import { checkpointAt, sampleLog, SAMPLE, type SampleLog } from "../verify/fixtures";
import { cosign, demoWitnesses, policyOf } from "../verify/witness-fixtures";

const [daily, archives] = demoWitnesses();
const policy = policyOf([daily, archives]);
let s: SampleLog;
let server: Server;
/** What the server shows; each test sets it. */
const state: { newest: string; witnessed: { size: number; checkpoint: string } | null; log: TileLog | null; attachment: Uint8Array | null } = {
  newest: "",
  witnessed: null,
  log: null,
  attachment: null,
};
const storage = new Map<string, string>();

beforeAll(async () => {
  s = await sampleLog();
  server = createServer((req, res) => {
    void answer(new URL(req.url ?? "/", "http://x")).then(([status, body]) => {
      if (body instanceof Uint8Array) {
        res.writeHead(status, { "content-type": "application/octet-stream" });
        res.end(body);
        return;
      }
      res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain; charset=utf-8" : "application/json" });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", (url: string, init?: RequestInit) => realFetch(new URL(url, base), init));
  vi.stubGlobal("window", {
    localStorage: {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    },
  });
});
afterAll(() => {
  vi.unstubAllGlobals();
  server.close();
});
beforeEach(() => {
  storage.clear();
  state.log = null;
  state.attachment = SAMPLE.attachmentBytes;
});

async function answer(url: URL): Promise<[number, unknown]> {
  const b = s.bundle;
  // Inclusion proofs always from the sample log; consistency proofs from the history the server now shows.
  const reader = (state.log ?? s.log).reader();
  const n = (name: string) => Number(url.searchParams.get(name));
  switch (url.pathname) {
    case `/api/v1/notices/${b.notice}`:
      return [
        200,
        {
          id: b.notice,
          agency: { id: b.agency },
          versions: [
            {
              version: 1,
              kind: b.kind,
              fields: b.fields,
              salts: b.salts,
              withheld: [],
              status: "committed",
              attachments: b.attachments.map((a, position) => ({ position, fileName: a.name, nameSalt: a.nameSalt, sha256: a.sha256, size: a.size })),
              log: { index: b.entry.index, leafHash: b.entry.leafHash, loggedAt: b.loggedAt },
            },
          ],
        },
      ];
    case `/api/v1/notices/${b.notice}/versions/1/attachments/0`:
      return state.attachment ? [200, state.attachment] : [404, { error: { code: "not-found", message: url.pathname } }];
    case "/log/checkpoint":
      return [200, state.newest];
    case "/api/v1/log":
      return [200, { origin: b.log.origin, verifierKey: s.verifierKey, witnesses: [], witnessed: state.witnessed }];
    case `/api/v1/log/entries/${b.entry.index}`:
      return [200, b.entry];
    case "/api/v1/log/proof/inclusion":
      return [200, { hashes: (await proveInclusion(n("index"), n("size"), s.log.reader())).map(formatHash) }];
    case "/api/v1/log/proof/consistency":
      return [200, { hashes: (await proveConsistency(n("from"), n("to"), reader)).map(formatHash) }];
    default:
      return [404, { error: { code: "not-found", message: url.pathname } }];
  }
}

const trust = () => ({ log: { origin: s.bundle.log.origin, verifierKey: s.verifierKey }, policy });
const kept = () => storage.get(KEPT_CHECKPOINT_PREFIX + s.bundle.log.origin) ?? null;
const witnessStep = (results: { step: string }[]) => results.find((r) => r.step === "witnesses")!;

describe("verifyOnline under a witness policy", () => {
  it("verifies against the newest checkpoint when it meets the quorum, and keeps it", async () => {
    state.newest = cosign(await checkpointAt(s.log, 8, s.signer), [daily, archives]);
    state.witnessed = null;
    const outcome = await verifyOnline(s.bundle.notice, 1, trust(), () => {});
    expect(witnessStep(outcome.results)).toMatchObject({ status: "ok", code: "quorum-met", detail: "cosigned by 2 of 2: 海平日报, 海平市档案馆" });
    expect(outcome.results.every((r) => r.status === "ok" || r.status === "info")).toBe(true);
    expect(kept()).toBe(state.newest);
  });

  it("proves the version in the witnessed checkpoint when the newest lacks the quorum, and keeps only that one", async () => {
    state.newest = cosign(await checkpointAt(s.log, 8, s.signer), [daily]);
    state.witnessed = { size: 6, checkpoint: cosign(await checkpointAt(s.log, 6, s.signer), [daily, archives]) };
    const outcome = await verifyOnline(s.bundle.notice, 1, trust(), () => {});
    expect(witnessStep(outcome.results)).toMatchObject({ status: "ok", code: "quorum-met-earlier", checkpoint: { size: 6 }, newerCheckpoint: { size: 8 } });
    expect(outcome.results.find((r) => r.step === "inclusion")).toMatchObject({ status: "ok", code: "inclusion-ok" });
    expect(outcome.split).toBeNull();
    expect(kept()).toBe(state.witnessed.checkpoint);
  });

  it("waits for witnesses, naming who has not cosigned, and finishes once the quorum is met", async () => {
    const plain = await checkpointAt(s.log, 8, s.signer);
    state.newest = cosign(plain, [daily]);
    state.witnessed = null;
    const waits: WitnessWait[] = [];
    let keptWhileWaiting: string | null = "not read";
    const onPhase = (phase: Phase, wait?: WitnessWait) => {
      if (phase !== "witnesses") return;
      waits.push(wait!);
      keptWhileWaiting = kept();
      state.newest = cosign(plain, [daily, archives]); // the archives' witness catches up
    };
    const outcome = await verifyOnline(s.bundle.notice, 1, trust(), onPhase);
    expect(waits).toEqual([{ cosigned: ["海平日报"], missing: ["海平市档案馆"], total: 2 }]);
    expect(keptWhileWaiting).toBeNull();
    expect(witnessStep(outcome.results)).toMatchObject({ status: "ok", code: "quorum-met" });
    expect(kept()).toBe(state.newest);
  });

  it("fails, with both notes as evidence, when the newest checkpoint does not extend the witnessed one", async () => {
    // The witnesses cosigned the sample log at size 6; the server's newest is another history,
    // in which entry 3 was rewritten (the version, entry 5, is untouched).
    const leaves = [...(await s.log.reader().readHashes([0, 1, 2, 3, 4, 5, 6, 7].map((i) => storedHashIndex(0, i))))];
    leaves[3] = sha256Hash(utf8("rewritten 3"));
    const fork = new TileLog();
    fork.append(leaves);
    state.log = fork;
    state.newest = cosign(await checkpointAt(fork, 8, s.signer), [daily]);
    state.witnessed = { size: 6, checkpoint: cosign(await checkpointAt(s.log, 6, s.signer), [daily, archives]) };
    const outcome = await verifyOnline(s.bundle.notice, 1, trust(), () => {});
    expect(outcome.results.slice(0, 4).map((r) => r.status)).toEqual(["ok", "ok", "ok", "ok"]);
    expect(witnessStep(outcome.results)).toMatchObject({ status: "failed", code: "witnessed-split" });
    expect(outcome.split).toMatchObject({
      reason: "consistency-proof-fails",
      older: state.witnessed.checkpoint,
      newer: state.newest,
      cosigners: { older: ["海平日报", "海平市档案馆"], newer: ["海平日报"] },
    });
    expect(kept()).toBeNull();
  });
});

describe("verifyOnline and the attachments", () => {
  const verify = async () => {
    state.newest = cosign(await checkpointAt(s.log, 8, s.signer), [daily, archives]);
    state.witnessed = null;
    const progress: [number, string, number, number][] = [];
    const outcome = await verifyOnline(
      s.bundle.notice,
      1,
      trust(),
      () => {},
      undefined,
      (...p) => progress.push(p),
    );
    return { outcome, progress };
  };

  it("downloads each attachment the entry lists and finds it to be the committed file, reporting progress", async () => {
    const { outcome, progress } = await verify();
    expect(outcome.attachments).toEqual([
      {
        position: 0,
        name: SAMPLE.attachment.name,
        committed: { sha256: SAMPLE.attachment.sha256, size: SAMPLE.attachment.size },
        received: { sha256: SAMPLE.attachment.sha256, size: SAMPLE.attachment.size },
        status: "ok",
      },
    ]);
    expect(progress[0]).toEqual([0, SAMPLE.attachment.name, 0, SAMPLE.attachment.size]);
    expect(progress.at(-1)).toEqual([0, SAMPLE.attachment.name, SAMPLE.attachment.size, SAMPLE.attachment.size]);
  });

  it("finds a file with one byte changed, or a longer one, not to be the committed file", async () => {
    const changed = SAMPLE.attachmentBytes.slice();
    changed[5]! ^= 0x20;
    state.attachment = changed;
    expect((await verify()).outcome.attachments[0]).toMatchObject({ status: "differs", received: { size: SAMPLE.attachment.size } });
    state.attachment = new Uint8Array([...SAMPLE.attachmentBytes, ...new Uint8Array(100_000)]);
    // Reading stops one byte past the committed size: the file is already not the one logged.
    expect((await verify()).outcome.attachments[0]).toMatchObject({ status: "differs", received: { size: SAMPLE.attachment.size + 1 } });
  });

  it("reports an attachment the server does not serve as not downloaded", async () => {
    state.attachment = null;
    const { outcome } = await verify();
    expect(outcome.attachments[0]).toMatchObject({ status: "unreachable", received: null });
    // The log steps are not affected: the verdict (plain-verdict.ts) is what fails.
    expect(outcome.results.every((r) => r.status === "ok" || r.status === "info")).toBe(true);
  });
});
