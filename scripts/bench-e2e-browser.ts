/**
 * npm run bench:e2e-browser — how much CPU the browser tests spend, by browser build
 * (docs/performance.md, "The test run"). Runs one Playwright spec once with each browser, in
 * alternating order for --rounds rounds, and adds up the CPU time of every process the run starts,
 * read from /proc every 0.5 s: the browser's processes, the servers (server.mjs), and the rest
 * (the build, Playwright, the witnesses). CPU seconds, not wall time: on a shared 2-core machine
 * the wall time of a run says more about the neighbours than about the browser.
 *
 *   npm run bench:e2e-browser -- [--spec=e2e/a11y/axe.spec.ts] [--rounds=1]
 *
 * Each run is a CI-style run (CI=true): a fresh build and fresh e2e databases, so nothing else
 * may be using the e2e ports or databases meanwhile. Linux only. A benchmark, never a test.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { benchArgs } from "./bench-args";

const args = benchArgs({ numbers: { rounds: 1 }, texts: ["spec"] });
const SPEC = args.spec ?? "e2e/a11y/axe.spec.ts";
const BROWSERS = [
  { label: "Chromium, full browser in headless mode", path: "/usr/bin/chromium" },
  { label: "Chromium headless shell", path: "/usr/bin/chromium-headless-shell" },
];
const TICKS_PER_SECOND = 100;

type Kind = "browser" | "servers" | "rest";

interface Run {
  browser: string;
  tests: number;
  cpu: Record<Kind, number>;
  wallSeconds: number;
}

function progress(message: string): void {
  process.stderr.write(`bench:e2e-browser  ${message}\n`);
}

/** Every process now: parent, CPU ticks (user + system) and start time (to tell a reused pid apart). */
function processes(): Map<number, { ppid: number; ticks: number; start: string }> {
  const found = new Map<number, { ppid: number; ticks: number; start: string }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      found.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), start: fields[19]! });
    } catch {
      // Gone between the listing and the read.
    }
  }
  return found;
}

function kindOf(pid: number, browserPath: string): Kind {
  let command = "";
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "rest";
  }
  // The browser's child processes re-execute it as /proc/self/exe.
  if (command.startsWith(browserPath) || command.startsWith("/proc/self/exe") || command.includes("/usr/lib/chromium/")) return "browser";
  return command.includes("server.mjs") ? "servers" : "rest";
}

/** Runs the spec with one browser, sampling the CPU of every process under it. */
async function measure(browser: { label: string; path: string }): Promise<Run> {
  const started = Date.now();
  const child = spawn("npx", ["playwright", "test", SPEC, "--project=chromium", "--reporter=line"], {
    env: { ...process.env, CI: "true", CHROMIUM_PATH: browser.path },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const seen = new Map<string, { kind: Kind; ticks: number }>();
  const sample = () => {
    const all = processes();
    const children = new Map<number, number[]>();
    for (const [pid, p] of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), pid]);
    const stack = [child.pid!];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      const p = all.get(pid);
      if (p) {
        const key = `${pid}@${p.start}`;
        const known = seen.get(key);
        if (known) known.ticks = Math.max(known.ticks, p.ticks);
        else seen.set(key, { kind: kindOf(pid, browser.path), ticks: p.ticks });
      }
      stack.push(...(children.get(pid) ?? []));
    }
  };
  const timer = setInterval(sample, 500);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`playwright exited with ${code} using ${browser.path}:\n${output.slice(-2000)}`);
  const cpu: Record<Kind, number> = { browser: 0, servers: 0, rest: 0 };
  for (const { kind, ticks } of seen.values()) cpu[kind] += ticks / TICKS_PER_SECOND;
  const tests = Number(/(\d+) passed/.exec(output)?.[1] ?? 0);
  return { browser: browser.label, tests, cpu, wallSeconds: (Date.now() - started) / 1000 };
}

async function main(): Promise<void> {
  for (const browser of BROWSERS) if (!existsSync(browser.path)) throw new Error(`${browser.path} is missing (Debian: apt-get install chromium chromium-headless-shell)`);
  const runs: Run[] = [];
  for (let round = 0; round < args.rounds; round++) {
    const order = round % 2 === 0 ? BROWSERS : [...BROWSERS].reverse();
    for (const browser of order) {
      progress(`round ${round + 1}: ${SPEC} with ${browser.path}`);
      runs.push(await measure(browser));
    }
  }
  const baseline = runs.filter((r) => r.browser === BROWSERS[0]!.label);
  const baselineBrowser = baseline.reduce((sum, r) => sum + r.cpu.browser / r.tests, 0) / baseline.length;
  console.log(
    `CPU seconds of \`${SPEC}\`, one run per line (${new Date().toISOString().slice(0, 10)}, load average ${readFileSync("/proc/loadavg", "utf8").split(" ")[0]} at the end)\n`,
  );
  console.log("| browser | tests | browser CPU s | per test | ÷ full browser | servers CPU s | the rest (build, Playwright) CPU s | wall s |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of runs) {
    const perTest = r.cpu.browser / r.tests;
    console.log(
      `| ${r.browser} | ${r.tests} | ${r.cpu.browser.toFixed(1)} | ${perTest.toFixed(2)} | ${(perTest / baselineBrowser).toFixed(2)}× | ${r.cpu.servers.toFixed(1)} | ${r.cpu.rest.toFixed(1)} | ${r.wallSeconds.toFixed(0)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
