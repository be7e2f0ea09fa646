/** Where the benchmarks write their results: one marked block each in docs/performance.md. */
import { readFileSync, writeFileSync } from "node:fs";

const DOC = new URL("../docs/performance.md", import.meta.url);

/** Replaces the text between `<!-- bench:<name>:begin -->` and `<!-- bench:<name>:end -->`. */
export function writeDocBlock(name: string, section: string): void {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const doc = readFileSync(DOC, "utf8");
  const b = doc.indexOf(begin);
  const e = doc.indexOf(end);
  if (b < 0 || e < b) throw new Error(`docs/performance.md has no ${begin} … ${end} block to replace`);
  writeFileSync(DOC, `${doc.slice(0, b + begin.length)}\n${section}\n${doc.slice(e)}`);
}
