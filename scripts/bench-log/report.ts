/** The Markdown section the run prints (and `--write` puts into docs/performance.md). */
import os from "node:os";
import type { LoadResult } from "../bench-log-http";
import { bytes, int, median, ms, noise, pct, percentile, rate } from "../bench-stats";
import { BATCH, CONNECTIONS, EXTRA, FILL_CHUNK, HTTP_ROUNDS, HTTP_SECONDS, PROOFS, SIZE } from "./settings";
import type { fill } from "./fill";
import type { sustained } from "./sustained";
import type { breakdown } from "./breakdown";
import { decomposition, type Latencies } from "./proofs";
import type { HttpRow, http } from "./http";
import type { storage } from "./storage";

// ---------------------------------------------------------------------------------------
// Report

function latencyRow(l: Latencies): string {
  const mean = l.ms.reduce((a, b) => a + b, 0) / l.ms.length;
  return `| ${l.label} | ${int(l.ms.length)} | ${ms(percentile(l.ms, 50))} | ${ms(percentile(l.ms, 90))} | ${ms(percentile(l.ms, 99))} | ${ms(Math.max(...l.ms))} | ${rate(1000 / mean)} |`;
}

export function report(r: {
  env: string[];
  fill: Awaited<ReturnType<typeof fill>>;
  sus: Awaited<ReturnType<typeof sustained>>;
  brk: Awaited<ReturnType<typeof breakdown>>;
  lat: Latencies[];
  web: Awaited<ReturnType<typeof http>> | null;
  st: Awaited<ReturnType<typeof storage>>;
  totalSec: number;
}): string {
  const out: string[] = [...r.env, ""];
  const { fill: f, sus: s, brk: b, st } = r;

  // Fill
  const fillCommitSec = f.segments.reduce((a, x) => a + x.commitSec, 0);
  const fillInsertSec = f.segments.reduce((a, x) => a + x.insertSec, 0);
  out.push(
    `**Fill to ${int(SIZE)}** through the real committer: pending versions bulk-inserted straight into SQL ${int(FILL_CHUNK)} at a time ` +
      `(title, ~600-byte Chinese body, number, category, language, effectiveDate; a random 32-byte salt per field), ` +
      `then \`commitPending(…, ${int(BATCH)})\` until the queue is empty. ` +
      `Whole fill ${(f.wallSec / 60).toFixed(1)} min: commits ${fillCommitSec.toFixed(0)} s (${rate(SIZE / fillCommitSec)}), ` +
      `pending inserts ${fillInsertSec.toFixed(0)} s (${rate(SIZE / fillInsertSec)}).`,
    "",
    "| Log size | Commit rate | Pending insert rate (context) |",
    "| --- | ---: | ---: |",
    ...f.segments.map((x) => `| ${int(x.from)} → ${int(x.to)} | ${rate((x.to - x.from) / x.commitSec)} | ${rate((x.to - x.from) / x.insertSec)} |`),
    "",
  );

  // Sustained
  const per = (secs: number[]) => secs.map((x) => BATCH / x);
  const overall = (secs: number[]) => (secs.length * BATCH) / secs.reduce((a, x) => a + x, 0);
  const ratios = (other: number[]) => s.sec.commit.map((c, i) => other[i]! / c); // commit rate / other rate
  const cpuSec = s.cpuLeafSec.map((x, i) => x + s.cpuHashSec[i]!);
  const row = (label: string, secs: number[], ratioTo: number[] | null) => {
    const rates = per(secs);
    const rat = ratioTo ? ratios(ratioTo) : null;
    return `| ${label} | ${rate(median(rates))} | ${rate(overall(secs))} | ±${pct(noise(rates))} | ${rat ? `${pct(median(rat))} ±${pct(noise(rat))}` : "—"} |`;
  };
  out.push(
    `**Sustained commits at ${int(SIZE)} → ${int(SIZE + EXTRA)}**: ${int(EXTRA)} pending versions (${int(s.amendments)} of them amendments of logged notices), ` +
      `committed in batches of ${int(BATCH)}. Each round runs one commit batch and, in rotating order, the baselines over the same ${int(BATCH)} leaves ` +
      `(${int(s.leafBytes)} bytes on average), each in one transaction: the first three with an \`unnest\` of \`bytea[]\` (the committer's statement until 2026-12), ` +
      `the fourth with the committer's own statement (\`insertEntries\`: leaves and hashes as two binary bytea parameters cut apart by offset) on a transaction like the committer's. ` +
      `"Commit ÷ baseline" is the median of the per-round ratios; noise is half their spread.`,
    "",
    "| Measurement | Median batch | Overall | Noise (rate) | Commit ÷ baseline |",
    "| --- | ---: | ---: | ---: | ---: |",
    row("`commitPending`, batches of 10,000 (the log)", s.sec.commit, null),
    row("Raw INSERT, log_entry-shaped rows, plain table, via Prisma `$executeRawUnsafe`", s.sec.rawPlain, s.sec.rawPlain),
    row("Raw INSERT, same, with log_entry's indexes (PK, UNIQUE, leaf_hash), via Prisma", s.sec.rawIndexed, s.sec.rawIndexed),
    row("Raw INSERT, plain table, via `pg` directly (no Prisma)", s.sec.rawPg, s.sec.rawPg),
    row("Raw INSERT, scratch copy of log_entry (its indexes and checks, no foreign keys), the committer's own statement via `pg`", s.sec.rawEntries, s.sec.rawEntries),
    row("CPU only: `versionLeaf` + `hashLeaf` over the same versions", cpuSec, cpuSec),
    `| of which \`versionLeaf\` (JCS leaf from the 6 stored commitments) | ${rate(median(per(s.cpuLeafSec)))} | ${rate(overall(s.cpuLeafSec))} | ±${pct(noise(per(s.cpuLeafSec)))} | — |`,
    `| of which \`hashLeaf\` | ${rate(median(per(s.cpuHashSec)))} | ${rate(overall(s.cpuHashSec))} | ±${pct(noise(per(s.cpuHashSec)))} | — |`,
    "",
    `Context: reading all ${int(s.versions)} pending versions at once with the committer's own query took ${s.fetchSec.toFixed(1)} s (${rate(s.versions / s.fetchSec)}).`,
    "",
  );

  // Breakdown
  const sum = b.phases.reduce((a, p) => a + p.ms, 0);
  out.push(
    `**Where a commit's time goes** (one batch of ${int(BATCH)} at ${int(SIZE + EXTRA)}): \`commitPending\` itself, timed step by step through its phase hook, ` +
      `which throws after the last step so that the round rolls back; median of 3; then the same batch committed for real: ${ms(b.realMs)} ms ` +
      `(${rate(BATCH / (b.realMs / 1000))}). The profiled rounds sum to ${ms(sum)} ms; they end in ROLLBACK where the real one ends in COMMIT (WAL flush), and the rest of the difference is noise.`,
    "",
    "| Step | ms | Share |",
    "| --- | ---: | ---: |",
    ...b.phases.map((p) => `| ${p.name} | ${ms(p.ms)} | ${pct(p.ms / sum)} |`),
    "",
  );

  // Proofs
  out.push(
    `**Proofs at ${int(SIZE)} entries, server-side** (in this process, through the services the routes call; random indexes; ` +
      `the full-tile cache holds 2,048 of the tree's ${int(Math.floor(SIZE / 256))} full level-0 tiles). Calls alternate with the baseline, one by one.`,
    "",
    "| Measurement | Calls | p50 ms | p90 ms | p99 ms | max ms | Sequential rate |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.lat.map(latencyRow),
    "",
  );
  if (decomposition) {
    const d = decomposition;
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
    const names = [
      "Latest checkpoint lookup (Prisma `findFirst`)",
      "Tile query (`dbTileReader.readTiles`, one `$queryRawUnsafe`)",
      "CPU: proof from the tiles, full-tile cache included",
    ];
    const total = mean(d.parts[0]) + mean(d.parts[1]) + mean(d.parts[2]);
    out.push(
      `Where a warm inclusion proof's time goes: the service's composition rebuilt with a timed tile reader and a cache of its own (same capacity), ` +
        `${int(PROOFS)} proofs after 3,000 of warm-up. ${d.fullTilesPerProof.toFixed(2)} full tiles per proof; ` +
        `the cache answered **${pct(d.hitRate)}** of them (random indexes over ${int(Math.floor(SIZE / 256))} level-0 tiles); each miss rebuilds a 511-node tile tree (255 hashes).`,
      "",
      "| Part | p50 ms | p99 ms | Mean ms | Share of mean |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...names.map((n, i) => `| ${n} | ${ms(percentile(d.parts[i]!, 50))} | ${ms(percentile(d.parts[i]!, 99))} | ${ms(mean(d.parts[i]!))} | ${pct(mean(d.parts[i]!) / total)} |`),
      "",
    );
  }

  // HTTP
  if (r.web) {
    const w = r.web;
    const floor = median(w.rows[0]!.rounds.map((x) => x.rps));
    const m = (row: HttpRow, k: keyof Omit<LoadResult, "cpu">) => median(row.rounds.map((x) => x[k] as number));
    const mc = (row: HttpRow, k: keyof LoadResult["cpu"]) => median(row.rounds.map((x) => x.cpu[k]));
    out.push(
      `**HTTP** against \`next start\` (production build ${w.build.buildId}${w.build.built ? ", built by this run" : ""}, ` +
        `${w.build.newerSources.length === 0 ? "no source file newer than the build" : `**${w.build.newerSources.length} source files newer than the build**`}), ` +
        `autocannon in the bench process, ${CONNECTIONS} connections, loopback; ${HTTP_ROUNDS} rounds of ${HTTP_SECONDS} s per endpoint, alternating, after a 2-s warm-up each. ` +
        `Medians of the rounds. CPU in cores (of ${os.cpus().length}): the Next server process group, autocannon (this process), and the whole machine.`,
      "",
      "| Endpoint | Requests/s | Noise | ÷ floor | p50 ms | p99 ms | non-2xx | Server CPU ms/req | PG CPU ms/req | 2-core ceiling | Server cores | autocannon cores | Machine cores |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...w.rows.map((row) => {
        const rps = row.rounds.map((x) => x.rps);
        const non2xx = row.rounds.reduce((a, x) => a + x.non2xx, 0);
        const errors = row.rounds.reduce((a, x) => a + x.errors, 0);
        const perReq = (k: "server" | "postgres") => median(row.rounds.map((x) => (x.cpu[k] / x.rps) * 1000));
        const ceiling = (os.cpus().length * 1000) / (perReq("server") + perReq("postgres"));
        return (
          `| ${row.label} | ${int(median(rps))} | ±${pct(noise(rps))} | ${pct(median(rps) / floor)} | ${m(row, "p50")} | ${m(row, "p99")} | ` +
          `${int(non2xx)}${row === w.rows[0] ? " (all 404, expected)" : ""}${errors ? `, ${errors} errors` : ""} | ` +
          `${perReq("server").toFixed(2)} | ${perReq("postgres").toFixed(2)} | ${int(ceiling)} /s | ` +
          `${mc(row, "server").toFixed(2)} | ${mc(row, "self").toFixed(2)} | ${mc(row, "machine").toFixed(2)} |`
        );
      }),
      "",
      "CPU per request is the server process group's (or PostgreSQL's: the bench database's backends plus the shared helpers) CPU time over the round divided by the requests served; " +
        "it does not depend on how much of the machine the server got. The 2-core ceiling is what server plus database CPU per request would allow " +
        "if the whole machine served nothing else (autocannon, other work and idle excluded).",
      "",
    );
  } else {
    out.push("**HTTP**: skipped (--no-http).", "");
  }

  // Storage
  const logRels = st.rels.filter((x) => ["log_entry", "tree_tile", "checkpoint"].includes(x.name));
  const logTotal = logRels.reduce((a, x) => a + x.total, 0);
  out.push(
    `**Storage** after the run, ${int(st.entries)} entries (\`pg_total_relation_size\`: heap, TOAST and indexes; dead rows are not vacuumed away first). ` +
      `The log's own tables take **${int(logTotal / st.entries)} bytes per entry**, beyond the notice content. ` +
      `An entry's leaf averages ${int(st.leafBytes)} bytes; tile data is ${bytes(st.tileDataBytes)} in ${int(st.tileRows)} rows.`,
    "",
    "| Relation | Total | Heap | Indexes | TOAST | Rows | Dead rows | Per entry |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...st.rels.map(
      (x) =>
        `| ${["log_entry", "tree_tile", "checkpoint"].includes(x.name) ? "" : "(context) "}\`${x.name}\` | ${bytes(x.total)} | ${bytes(x.heap)} | ${bytes(x.idx)} | ${bytes(x.toast)} | ${int(x.rows)} | ${int(x.dead)} | ${int(x.total / st.entries)} B |`,
    ),
    `| **log total** (log_entry + tree_tile + checkpoint) | ${bytes(logTotal)} | | | | | | **${int(logTotal / st.entries)} B** |`,
    "",
    `Indexes: ${st.indexes.map((i) => `\`${i.name}\` ${bytes(i.size)} (${int(i.size / st.entries)} B/entry)`).join(", ")}. ` +
      `Notice content for context: \`fields\` averages ${int(st.fieldsBytes)} bytes and \`salts\` ${int(st.saltsBytes)} bytes per version (as stored, jsonb).`,
    "",
    `Whole run: ${(r.totalSec / 60).toFixed(1)} min.`,
  );
  return out.join("\n");
}
