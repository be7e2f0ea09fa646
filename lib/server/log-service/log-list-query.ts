/**
 * The query of the log's entry list (/log/entries): `before` (keyset cursor: entries with a
 * smaller index), and `from`/`to` (checkpoint sizes: what entered the log between them). Pure.
 * Empty `from`/`to` count as absent, since the page's GET form always sends both fields.
 */
import { parseIndex } from "@/lib/server/api/params";

export interface LogListQuery {
  from?: number;
  to?: number;
  before?: number;
}

export type LogListParam = keyof LogListQuery;

/** A parameter that is not a canonical whole number, or given twice; `value` is cut to 40 characters. */
export interface LogListProblem {
  code: "not-a-number";
  param: LogListParam;
  value: string;
}

export type ParsedLogListQuery = { ok: true; query: LogListQuery } | { ok: false; problem: LogListProblem; typed: Partial<Record<LogListParam, string>> };

const PARAMS: readonly LogListParam[] = ["from", "to", "before"];

export function parseLogListQuery(raw: Record<string, string | string[] | undefined>): ParsedLogListQuery {
  const query: LogListQuery = {};
  // What was typed, so the form can show it again next to the message.
  const typed: Partial<Record<LogListParam, string>> = {};
  let problem: LogListProblem | undefined;
  for (const param of PARAMS) {
    const value = raw[param];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(",") : value.trim();
    typed[param] = text.slice(0, 40);
    if (text === "" && param !== "before") continue;
    try {
      if (Array.isArray(value)) throw new Error("given more than once");
      query[param] = parseIndex(param, text);
    } catch {
      problem ??= { code: "not-a-number", param, value: text.slice(0, 40) };
    }
  }
  return problem ? { ok: false, problem, typed } : { ok: true, query };
}
