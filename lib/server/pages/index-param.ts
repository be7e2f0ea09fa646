import { parseIndex } from "@/lib/server/api/params";

/** A canonical non-negative integer from a URL, or null: pages turn null into their 404. */
export function indexParam(value: string | string[] | undefined): number | null {
  if (typeof value !== "string") return null;
  try {
    return parseIndex("index", value);
  } catch {
    return null;
  }
}
