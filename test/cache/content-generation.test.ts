/**
 * The content generation on a real database: every kind of change a public page shows moves
 * it, and reading it under load costs one query per round trip, never a stale answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/server/auth/authorize";
import { createUser } from "@/lib/server/auth/create-user";
import { updateAgency } from "@/lib/server/admin/update-agency";
import { commitPending } from "@/lib/server/log-service/commit-pending";
import { recordRedaction } from "@/lib/server/notices/record-redaction";
import { coalesced } from "@/lib/server/cache/coalesced.mjs";
import { readContentGeneration, readNoticeGeneration } from "@/lib/server/cache/content-generation";
import { recordNoticeVersion } from "@/lib/server/notices/record-notice-version";
import { getNotice } from "@/lib/server/notices/get-notice";
import { publishSample, setUp, testLogConfig } from "../log-service/fixtures";
import { addAgencies } from "@/test/db/agencies";

const config = testLogConfig();
let ctx: Awaited<ReturnType<typeof setUp>>;

beforeAll(async () => {
  ctx = await setUp();
});
afterAll(() => ctx.tearDown());

describe("readContentGeneration", () => {
  it("changes with a new version, its logging, a redaction and an agency edit, and not otherwise", async () => {
    const seen = [await readContentGeneration(ctx.prisma)];
    const changed = async (what: string) => {
      const now = await readContentGeneration(ctx.prisma);
      expect(seen, what).not.toContain(now);
      seen.push(now);
    };
    expect(await readContentGeneration(ctx.prisma)).toBe(seen[0]); // nothing happened
    await publishSample(ctx.prisma, "HP-GEN-1");
    await changed("a pending version");
    await commitPending(ctx.prisma, config);
    await changed("the log entry and checkpoint");
    await recordRedaction(ctx.prisma, { noticeId: "HP-GEN-1", version: 1, withhold: ["body"], basis: "《政府信息公开条例》第十五条" });
    await changed("a redaction");
    await commitPending(ctx.prisma, config);
    await changed("the redaction's log entry");
    const { id } = await createUser(ctx.prisma, { email: "gen-admin@example.org", name: "admin", password: "correct horse battery", role: "administrator" });
    await changed("a staff change (audited)");
    const admin = (await loadActor(ctx.prisma, id))!;
    await updateAgency(
      { db: ctx.prisma, actor: admin },
      { id: "hp-planning", nameZh: "海平市自然资源和规划局", nameEn: "Haiping Planning Bureau", descriptionZh: "", descriptionEn: "" },
    );
    await changed("an agency's new name");
    expect(await readContentGeneration(ctx.prisma)).toBe(seen.at(-1));
  });
});

describe("readNoticeGeneration", () => {
  it("changes with the notice's own versions, their logging, redactions and its agency's edits, and not with anything else", async () => {
    await addAgencies(ctx.prisma, [{ id: "hp-other", nameZh: "海平市其他局", nameEn: "Haiping Other Bureau" }]);
    await publishSample(ctx.prisma, "HP-SCOPE-1");
    await commitPending(ctx.prisma, config);
    const mine = () => readNoticeGeneration(ctx.prisma, "HP-SCOPE-1");
    const seen = [await mine()];
    const changed = async (what: string) => {
      const now = await mine();
      expect(seen, what).not.toContain(now);
      seen.push(now);
    };
    const unchanged = async (what: string) => expect(await mine(), what).toBe(seen.at(-1));
    const record = (noticeId: string, agencyId: string, kind: "publish" | "amend", title: string) =>
      recordNoticeVersion(ctx.prisma, { noticeId, agencyId, kind, fields: { title, body: "正文。", number: `海〔2026〕${noticeId}号`, category: "其他", language: "zh-CN" } });

    // Elsewhere: another notice published and logged (a new checkpoint), a staff sign-up, another agency's edit.
    await record("HP-SCOPE-2", "hp-other", "publish", "另一则公示");
    await unchanged("another notice, pending");
    await commitPending(ctx.prisma, config);
    await unchanged("another notice logged, and a new checkpoint");
    const { id } = await createUser(ctx.prisma, { email: "scope-admin@example.org", name: "admin", password: "correct horse battery", role: "administrator" });
    await unchanged("a staff change that is not an agency edit");
    const admin = (await loadActor(ctx.prisma, id))!;
    await updateAgency(
      { db: ctx.prisma, actor: admin },
      { id: "hp-other", nameZh: "海平市其他局（新）", nameEn: "Haiping Other Bureau (new)", descriptionZh: "", descriptionEn: "" },
    );
    await unchanged("another agency's new name");
    await recordRedaction(ctx.prisma, { noticeId: "HP-SCOPE-2", version: 1, withhold: ["body"], basis: "《政府信息公开条例》第十五条" });
    await commitPending(ctx.prisma, config);
    await unchanged("a redaction of another notice, logged");

    // Its own: an amendment, its logging, a redaction, the redaction's logging, its agency's new name.
    await record("HP-SCOPE-1", "hp-planning", "amend", "关于HP-SCOPE-1的公示（修订）");
    await changed("an amendment, pending");
    await commitPending(ctx.prisma, config);
    await changed("the amendment logged");
    await recordRedaction(ctx.prisma, { noticeId: "HP-SCOPE-1", version: 1, withhold: ["body"], basis: "《政府信息公开条例》第十五条" });
    await changed("a redaction");
    await commitPending(ctx.prisma, config);
    await changed("the redaction logged");
    await updateAgency(
      { db: ctx.prisma, actor: admin },
      { id: "hp-planning", nameZh: "海平市规划和自然资源局", nameEn: "Haiping Planning Bureau", descriptionZh: "", descriptionEn: "" },
    );
    await changed("its agency's new name");
    expect(await readNoticeGeneration(ctx.prisma, "HP-NONE")).not.toBe(await mine());
  });

  it("cites each version by the first checkpoint that covered it, which later commits do not change", async () => {
    await publishSample(ctx.prisma, "HP-CITE-1");
    await commitPending(ctx.prisma, config);
    const first = (await getNotice(ctx.prisma, "HP-CITE-1")).versions[0]!.log!;
    const latest = (await ctx.prisma.checkpoint.findFirst({ orderBy: { size: "desc" } }))!;
    expect(first.checkpointSize).toBe(Number(latest.size));
    expect(first.checkpointSize).toBeGreaterThan(first.index);
    await publishSample(ctx.prisma, "HP-CITE-2");
    await commitPending(ctx.prisma, config);
    const again = await getNotice(ctx.prisma, "HP-CITE-1");
    expect(again.versions[0]!.log).toEqual(first);
    expect(again.checkpoint!.size).toBeGreaterThan(first.checkpointSize);
  });
});

describe("coalesced", () => {
  function slowCounter() {
    let reads = 0;
    let release: (() => void)[] = [];
    const read = () => {
      const n = ++reads;
      return new Promise<string>((resolve) => release.push(() => resolve(String(n))));
    };
    const finish = async () => {
      const r = release;
      release = [];
      r.forEach((f) => f());
      await new Promise((r) => setTimeout(r, 0));
    };
    return { read, finish, reads: () => reads };
  }

  it("answers callers that arrive during a read with the next read, and all of them with one", async () => {
    const counter = slowCounter();
    const generation = coalesced(counter.read);
    const first = generation();
    const during = Array.from({ length: 50 }, () => generation());
    expect(counter.reads()).toBe(1);
    await counter.finish();
    expect(await first).toBe("1");
    expect(counter.reads()).toBe(2); // one more read for the fifty, started once the first ended
    await counter.finish();
    expect(new Set(await Promise.all(during))).toEqual(new Set(["2"]));
    const later = generation();
    expect(counter.reads()).toBe(3);
    await counter.finish();
    expect(await later).toBe("3");
  });

  it("reads afresh after a failed read", async () => {
    let fail = true;
    const generation = coalesced(async () => {
      if (fail) throw new Error("database down");
      return "ok";
    });
    await expect(generation()).rejects.toThrow("database down");
    fail = false;
    expect(await generation()).toBe("ok");
  });
});
