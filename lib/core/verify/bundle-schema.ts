/**
 * Strict reading of untrusted JSON: exact member sets, checked types, bounded sizes. A bundle
 * is evidence handed from person to person, so anything not in the format is rejected rather
 * than ignored — an extra member could otherwise carry a claim no verifier looked at.
 */
import { FormatError } from "@/lib/core/log";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function fail(path: string, message: string): never {
  throw new FormatError("bad-bundle", `${path}: ${message}`);
}

/** Exactly the `required` members, plus any of `optional`; nothing else. */
export function object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "must be an object");
  const members = Object.keys(value);
  for (const name of members) {
    if (!required.includes(name) && !optional.includes(name)) fail(path, `unknown member "${name.slice(0, 40)}"`);
  }
  for (const name of required) if (!members.includes(name)) fail(path, `missing member "${name}"`);
  return value as JsonObject;
}

export function string(value: unknown, path: string, maxLength: number): string {
  if (typeof value !== "string") fail(path, "must be a string");
  if (value.length > maxLength) fail(path, `longer than ${maxLength} characters`);
  return value;
}

export function integer(value: unknown, path: string, min = 0): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) fail(path, `must be an integer ≥ ${min}`);
  return value;
}

export function array<T>(value: unknown, path: string, maxItems: number, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, "must be an array");
  if (value.length > maxItems) fail(path, `more than ${maxItems} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

/** A name → string map; "__proto__" and friends are kept as plain own members. */
export function stringMap(value: unknown, path: string, maxMembers: number, maxLength: number): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "must be an object");
  const entries = Object.entries(value);
  if (entries.length > maxMembers) fail(path, `more than ${maxMembers} members`);
  const out: Record<string, string> = {};
  for (const [name, v] of entries) {
    Object.defineProperty(out, name, { value: string(v, `${path}.${name.slice(0, 40)}`, maxLength), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function parseJson(text: string, maxBytes: number): unknown {
  // Counted in UTF-16 units: a file within the byte limit is never refused, and a hostile one
  // is refused before parsing (the CLI also checks the file's byte size before decoding it).
  if (text.length > maxBytes) throw new FormatError("bundle-too-large", `a bundle file is at most ${maxBytes} bytes`);
  try {
    return JSON.parse(text);
  } catch {
    throw new FormatError("bad-bundle", "not valid JSON");
  }
}
