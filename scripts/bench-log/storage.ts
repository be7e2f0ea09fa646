/** Storage per entry: table and index sizes of the filled log. */
import { type BenchDatabase } from "../bench-log-data";

// ---------------------------------------------------------------------------------------
// 6. Storage

export async function storage(db: BenchDatabase) {
  await db.client.query("ANALYZE");
  const entries = Number((await db.client.query("SELECT count(*) AS n FROM log_entry")).rows[0].n);
  const rels = (
    await db.client.query<{ relname: string; total: string; heap: string; idx: string; toast: string; rows: string; dead: string }>(
      `SELECT c.relname, pg_total_relation_size(c.oid) AS total, pg_relation_size(c.oid) AS heap,
              pg_indexes_size(c.oid) AS idx, coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0) AS toast,
              c.reltuples::bigint AS rows, coalesce(s.n_dead_tup, 0) AS dead
       FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
       WHERE c.relkind = 'r' AND c.relname = ANY($1) ORDER BY c.relname`,
      [["log_entry", "tree_tile", "checkpoint", "log_queue", "notice_version", "notice"]],
    )
  ).rows.map((r) => ({ name: r.relname, total: Number(r.total), heap: Number(r.heap), idx: Number(r.idx), toast: Number(r.toast), rows: Number(r.rows), dead: Number(r.dead) }));
  const indexes = (
    await db.client.query<{ name: string; size: string }>(
      `SELECT i.relname AS name, pg_relation_size(i.oid) AS size FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relname IN ('log_entry', 'tree_tile', 'checkpoint') ORDER BY t.relname, i.relname`,
    )
  ).rows.map((r) => ({ name: r.name, size: Number(r.size) }));
  const avg = (
    await db.client.query<{ leaf: string; fields: string; salts: string }>(
      `SELECT (SELECT avg(length(leaf)) FROM log_entry) AS leaf,
              (SELECT avg(pg_column_size(fields)) FROM notice_version) AS fields,
              (SELECT avg(pg_column_size(salts)) FROM notice_version) AS salts`,
    )
  ).rows[0]!;
  const tiles = (await db.client.query("SELECT count(*) AS n, sum(length(data)) AS b FROM tree_tile")).rows[0];
  return {
    entries,
    rels,
    indexes,
    leafBytes: Number(avg.leaf),
    fieldsBytes: Number(avg.fields),
    saltsBytes: Number(avg.salts),
    tileRows: Number(tiles.n),
    tileDataBytes: Number(tiles.b),
  };
}
