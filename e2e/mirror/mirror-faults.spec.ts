import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { openNote, parseCheckpoint, parseCosignatureVerifierKey, parseVerifierKey, verifyCosignatures } from "../../lib/core/log";
import { MF_WITNESSES, MIRROR_URL, MirrorPair, ORIGIN_URL, superuserSql, type RunResult } from "../support/mirror-pair";
import { E2E_VERIFIER_KEY } from "../support/test-log-key";
import { MF_DATABASES, MF_MIRROR_WITNESS } from "../support/test-mirror-keys";
import { expectVerified, startVerify } from "../verify/verify-support";
import { mirrorBanner, mirrorInfo, rootOf } from "./mirror-support";

/**
 * A mirror when its origin fails or lies (project mirror-faults, playwright.config.ts). The pair
 * is its own (e2e/support/mirror-pair.ts): an origin on 3130 with two witnesses of its own and
 * the mirror as a third witness outside the quorum, a mirror on 3131 that copies only when
 * this spec runs `npm run mirror:sync`. Each scenario checks the CLI's exit code and words,
 * GET /api/v1/mirror, and what a visitor sees at the mirror, including the browser verification.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

const pair = new MirrorPair();
const logKey = parseVerifierKey(E2E_VERIFIER_KEY);
const mirrorKey = parseCosignatureVerifierKey(MF_MIRROR_WITNESS.verifierKey);
const witnessKeys = MF_WITNESSES.map((w) => parseCosignatureVerifierKey(w.verifierKey));
const ATTACHMENT = "拟聘人员名单.pdf";

let context: BrowserContext;
let page: Page;
let seeded: { noticeIds: string[]; size: number };
/** The altered notice of scenario 3: its id and its attachment as the origin logged it. */
let altered: { noticeId: string; content: Buffer; sha256: string } | undefined;

/** Cosignatures on the origin's served checkpoint that verify under `keys`, once it is at least `size`. */
async function cosignedBy(request: APIRequestContext, keys: typeof witnessKeys, size: number): Promise<number> {
  const note = await (await request.get(`${ORIGIN_URL}/log/checkpoint`)).text();
  const opened = openNote(note, [logKey]);
  if (parseCheckpoint(opened.text).size < size) return -1;
  return verifyCosignatures(opened.text, opened.unverified, keys).valid.length;
}

interface ApiVersion {
  version: number;
  kind: string;
  fields: Record<string, string>;
  salts: Record<string, string>;
  attachments: unknown[];
  log: { index: number; leafHash: string } | null;
}

/** What the signed log fixes of each version: the mirror must serve exactly the origin's. */
const logged = (versions: ApiVersion[]) =>
  versions.map((v) => ({ version: v.version, kind: v.kind, fields: v.fields, salts: v.salts, attachments: v.attachments, index: v.log?.index, leafHash: v.log?.leafHash }));

function expectExit(result: RunResult, code: number): void {
  expect(result.code, `npm run mirror:sync said:\n${result.output}`).toBe(code);
}

/** Opens a notice at the mirror and runs the browser verification there. */
async function verifyAtMirror(noticeId: string): Promise<void> {
  await page.goto(`${MIRROR_URL}/en/n/${noticeId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const status = await startVerify(page);
  await expectVerified(status);
  await expect(status).toContainText("cosigned by 2 of 2 witnesses");
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  await pair.checkPortsFree();
  await Promise.all([MF_DATABASES.origin, MF_DATABASES.mirror, MF_DATABASES.fork].map((url) => pair.prepareDatabase(url)));
  await pair.startWitnesses();
  seeded = await pair.seedNotices(MF_DATABASES.origin, 3, "源站");
  await pair.startOrigin();
  context = await browser.newContext();
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  await pair.stopAll();
});

test("(1) the first sync copies the origin and exits 0; the mirror serves and verifies the notices; the origin collects the mirror's cosignature", async ({ request }) => {
  // The mirror copies cosignatures with checkpoints: wait until the origin has its quorum.
  await expect.poll(() => cosignedBy(request, witnessKeys, seeded.size), { timeout: 30_000 }).toBe(2);

  const first = await pair.sync();
  expectExit(first, 0);
  await pair.startMirror();
  const info = await mirrorInfo(request, MIRROR_URL);
  expect(info).toMatchObject({ origin: ORIGIN_URL, state: "following", size: seeded.size, evidence: null });
  expect(info.verifiedAt).toEqual(expect.any(String));

  for (const id of seeded.noticeIds) {
    const atOrigin = await (await request.get(`${ORIGIN_URL}/api/v1/notices/${id}`)).json();
    const atMirror = await request.get(`${MIRROR_URL}/api/v1/notices/${id}`);
    expect(atMirror.status(), id).toBe(200);
    expect(logged((await atMirror.json()).versions)).toEqual(logged(atOrigin.versions));
  }
  await verifyAtMirror(seeded.noticeIds[0]!);
  await expect(mirrorBanner(page, ORIGIN_URL)).toBeVisible();

  // One witnessing round at the origin (every witness asked, whatever its backoff after the
  // mirror was not yet listening): the mirror cosigns the checkpoint it now holds.
  const round = await pair.witnessRound();
  // (The origin's own loop may have got there first, once its backoff ran out.)
  expect(round.output).toMatch(new RegExp(`${MF_MIRROR_WITNESS.name}: (cosigned|had already cosigned) ${seeded.size}\\b`));
  await expect.poll(() => cosignedBy(request, [mirrorKey], seeded.size), { timeout: 20_000 }).toBe(1);
  const note = await (await request.get(`${ORIGIN_URL}/log/checkpoint`)).text();
  expect(note).toContain(`\n— ${MF_MIRROR_WITNESS.verifierKey.split("+")[0]} `);
});

test("(2) with the origin down the sync exits 1 naming it; the mirror still serves and verifies, and says it is behind; back up, it follows again", async ({ request }) => {
  await pair.stopOrigin();
  const down = await pair.sync();
  expectExit(down, 1);
  expect(down.output).toContain("127.0.0.1:3130");
  expect(down.output).toMatch(/unreachable|could not be reached|ECONNREFUSED|fetch failed/i);

  const info = await mirrorInfo(request, MIRROR_URL);
  expect(info).toMatchObject({ state: "behind", size: seeded.size, evidence: null });
  // Everything the browser needs comes from the mirror: the origin being down changes nothing.
  await verifyAtMirror(seeded.noticeIds[1]!);
  await expect(mirrorBanner(page, ORIGIN_URL)).toContainText(/could not be reached|catching up/);
  await page.goto(`${MIRROR_URL}/en/mirror`);
  await expect(page.getByRole("main")).toContainText("Behind the origin");

  await pair.startOrigin();
  expectExit(await pair.sync(), 0);
  expect(await mirrorInfo(request, MIRROR_URL)).toMatchObject({ state: "following", size: seeded.size });
  await page.goto(`${MIRROR_URL}/en/n/${seeded.noticeIds[1]}`);
  await expect(mirrorBanner(page, ORIGIN_URL)).not.toContainText(/could not be reached|catching up/);
});

test("(3) an attachment altered in the origin's database after it was logged: the sync exits 2 naming the notice and the file, the mirror refuses with evidence and keeps serving what it verified", async ({
  request,
}) => {
  const published = await pair.seedAttachment(MF_DATABASES.origin, "附件被改", ATTACHMENT);
  expect(published.size).toBe(seeded.size + 1);
  // An attacker with the database superuser: the append-only triggers off for the session,
  // new bytes and a matching digest column, so the origin is consistent with itself — only
  // the signed log still says what was published.
  const where = "notice_version_id = (SELECT id FROM notice_version WHERE notice_id = $1 AND version = 1) AND position = 0";
  const before = (await superuserSql(MF_DATABASES.origin, `SELECT content, sha256 FROM attachment WHERE ${where}`, [published.noticeId])).rows[0] as {
    content: Buffer;
    sha256: string;
  };
  altered = { noticeId: published.noticeId, ...before };
  const changed = await superuserSql(
    MF_DATABASES.origin,
    `UPDATE attachment SET content = overlay(content placing 'X'::bytea from 12), sha256 = encode(sha256(overlay(content placing 'X'::bytea from 12)), 'hex') WHERE ${where}`,
    [published.noticeId],
  );
  expect(changed.rowCount).toBe(1);

  const refused = await pair.sync();
  expectExit(refused, 2);
  expect(refused.output).toContain(published.noticeId);
  expect(refused.output).toContain(ATTACHMENT);

  const info = await mirrorInfo(request, MIRROR_URL);
  expect(info.state).toBe("refused");
  expect(info.size).toBe(seeded.size);
  expect(info.evidence).not.toBeNull();
  expect(info.evidence!.entry).toMatchObject({ notice: published.noticeId, file: ATTACHMENT });
  expect(info.evidence!.entry!.index).toBe(seeded.size);

  await page.goto(`${MIRROR_URL}/en/mirror`);
  const main = page.getByRole("main");
  await expect(main).toContainText("Stopped: the origin was refused");
  await expect(main).toContainText(published.noticeId);
  await expect(main).toContainText(ATTACHMENT);
  await page.goto(`${MIRROR_URL}/zh-CN/mirror`);
  await expect(page.getByRole("main")).toContainText(published.noticeId);

  // The altered notice never reaches the mirror's visitors; what it verified before still does.
  expect((await request.get(`${MIRROR_URL}/api/v1/notices/${published.noticeId}`)).status()).toBe(404);
  await verifyAtMirror(seeded.noticeIds[2]!);
  await expect(mirrorBanner(page, ORIGIN_URL)).toContainText(/stopped following/);
  // A refused mirror stays refused: another sync against the same origin changes nothing.
  expectExit(await pair.sync(), 2);
});

test("(4) a fork: a different origin behind the same URL and key, with a longer log of other notices — the sync exits 2, evidence of a fork shows both checkpoints, the mirror keeps its verified notices", async ({
  request,
}) => {
  // A fresh mirror (a refused one stays refused) of the origin with the attachment put back.
  expect(altered).toBeDefined();
  await superuserSql(
    MF_DATABASES.origin,
    "UPDATE attachment SET content = $2, sha256 = $3 WHERE notice_version_id = (SELECT id FROM notice_version WHERE notice_id = $1 AND version = 1) AND position = 0",
    [altered!.noticeId, altered!.content, altered!.sha256],
  );
  await expect.poll(() => cosignedBy(request, witnessKeys, seeded.size + 1), { timeout: 30_000 }).toBe(2);
  await pair.stopMirror();
  await pair.prepareDatabase(MF_DATABASES.mirror);
  expectExit(await pair.sync(), 0);
  await pair.startMirror();
  const held = await mirrorInfo(request, MIRROR_URL);
  expect(held).toMatchObject({ state: "following", size: seeded.size + 1 });
  await verifyAtMirror(altered!.noticeId);

  // The same URL and log key, another database: a log three entries longer, every entry different.
  await pair.stopOrigin();
  const fork = await pair.seedNotices(MF_DATABASES.fork, held.size + 3, "分叉");
  expect(fork.size).toBe(held.size + 3);
  await pair.startOrigin(MF_DATABASES.fork, false);

  const forked = await pair.sync();
  expectExit(forked, 2);
  const info = await mirrorInfo(request, MIRROR_URL);
  expect(info.state).toBe("refused");
  expect(info.size).toBe(held.size);
  expect(info.evidence).toMatchObject({ kind: "fork", held: { size: held.size }, served: { size: fork.size } });
  const heldNote = info.evidence!.held!.note;
  const servedNote = info.evidence!.served!.note;
  // Both checkpoints carry the log key's valid signature: proof that the key signed two histories.
  for (const note of [heldNote, servedNote]) expect(() => openNote(note, [logKey])).not.toThrow();
  expect(rootOf(heldNote)).not.toBe(rootOf(servedNote));

  await page.goto(`${MIRROR_URL}/en/mirror`);
  const main = page.getByRole("main");
  await expect(main).toContainText("Stopped: the origin was refused");
  await expect(main).toContainText(rootOf(heldNote));
  await expect(main).toContainText(rootOf(servedNote));
  await expect(main).toContainText(`size ${held.size}`);
  await expect(main).toContainText(`size ${fork.size}`);

  // The mirror keeps serving the history it verified, and none of the fork's notices.
  expect((await request.get(`${MIRROR_URL}/api/v1/notices/${fork.noticeIds[0]}`)).status()).toBe(404);
  await verifyAtMirror(seeded.noticeIds[0]!);
  await expect(mirrorBanner(page, ORIGIN_URL)).toContainText(/stopped following/);
});
