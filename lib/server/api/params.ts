/**
 * Parsing of path and query parameters. Only canonical decimal integers are accepted
 * ("12", not "012", "1e3", "+1" or " 1"), so every URL names one resource — which is
 * what makes the immutable cache headers on proofs safe.
 */
import { MAX_TREE_SIZE } from "@/lib/core/log";
import { badRequest } from "./errors";

export function parseIndex(name: string, value: string | null | undefined): number {
  if (value === null || value === undefined || value === "") throw badRequest(`${name} is required`);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(value) || Number(value) > MAX_TREE_SIZE) {
    throw badRequest(`${name} must be a non-negative integer without leading zeros, got "${value.slice(0, 40)}"`);
  }
  return Number(value);
}

export function optionalIndex(name: string, value: string | null): number | undefined {
  return value === null ? undefined : parseIndex(name, value);
}

export function parseLimit(value: string | null, max: number, fallback: number): number {
  if (value === null) return fallback;
  const n = parseIndex("limit", value);
  if (n < 1 || n > max) throw badRequest(`limit must be between 1 and ${max}`);
  return n;
}
