/**
 * A service's refusal that belongs next to one form field (an email already taken, an unknown
 * agency, a password that is the account's email). Still an ApiError with its HTTP code, so an
 * API caller gets the usual {error:{code,message}}; the admin forms show `messageKey` localized.
 */
import type { z } from "zod";
import { ApiError, type ErrorCode } from "@/lib/server/api/errors";

export class FieldError extends ApiError {
  constructor(
    code: ErrorCode,
    readonly field: string,
    readonly messageKey: string,
  ) {
    super(code, `${field}: ${messageKey}`);
  }
}

/** Parses service input again (the service is the boundary, whoever calls it); 400 on failure. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.code === "unrecognized_keys" ? "_form" : String(issue.path[0] ?? "_form");
  throw new FieldError("bad-request", field, issue.code === "unrecognized_keys" ? "unknownField" : issue.message);
}
