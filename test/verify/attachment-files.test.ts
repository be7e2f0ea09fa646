/**
 * Which logged attachment a file is (lib/core/verify/attachment-files.ts): read from the golden
 * leaves of test/log/testdata/leaf-golden.json, matched by SHA-256 and size together.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { leafAttachments, matchAttachmentFiles } from "@/lib/core/verify";

const golden = JSON.parse(readFileSync("test/log/testdata/leaf-golden.json", "utf8")) as { vectors: { name: string; leaf: string }[] };
const leaf = (name: string) => new TextEncoder().encode(golden.vectors.find((v) => v.name === name)!.leaf);
const PDF = { sha256: "de40a3a61f52bfaca4c5f503f7c397dfa817d4ac6a85f94c487ac9f2cf0c933c", size: 54 };

describe("the attachments a leaf commits to", () => {
  it("are read from the leaf's bytes and from its base64, with the version", () => {
    for (const form of [leaf("publish-zh"), Buffer.from(leaf("publish-zh")).toString("base64")]) {
      const read = leafAttachments(form);
      expect(read?.version).toBe(1);
      expect(read?.attachments.map((a) => ({ sha256: a.sha256, size: a.size }))).toEqual([PDF]);
    }
  });

  it("are none for a redaction's leaf or for bytes that are not a leaf", () => {
    expect(leafAttachments(leaf("redact-zh"))).toBeNull();
    expect(leafAttachments(new TextEncoder().encode("{}"))).toBeNull();
    expect(leafAttachments("not base64 at all")).toBeNull();
  });
});

describe("matching files to attachments", () => {
  it("needs both the hash and the size, and names every position a file fills", () => {
    const attachments = [PDF, { sha256: "00".repeat(32), size: 54 }, PDF];
    const results = matchAttachmentFiles(attachments, [
      { file: "plan.pdf", ...PDF },
      { file: "same-hash-other-size.pdf", sha256: PDF.sha256, size: 55 },
      { file: "other.pdf", sha256: "11".repeat(32), size: 54 },
    ]);
    expect(results).toEqual([
      { file: "plan.pdf", ...PDF, positions: [0, 2] },
      { file: "same-hash-other-size.pdf", sha256: PDF.sha256, size: 55, positions: [] },
      { file: "other.pdf", sha256: "11".repeat(32), size: 54, positions: [] },
    ]);
    expect(matchAttachmentFiles(attachments, [])).toEqual([]);
  });
});
