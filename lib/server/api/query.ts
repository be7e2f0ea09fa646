/** Query strings are strict: a parameter the route does not know is a 400, not silently ignored. */
import { badRequest } from "./errors";

export function allowOnly(url: string, allowed: readonly string[]): URLSearchParams {
  const query = new URL(url).searchParams;
  for (const name of query.keys()) {
    if (!allowed.includes(name)) throw badRequest(`unknown parameter ${name.slice(0, 40)}`);
    if (query.getAll(name).length > 1) throw badRequest(`parameter ${name.slice(0, 40)} is given more than once`);
  }
  return query;
}
