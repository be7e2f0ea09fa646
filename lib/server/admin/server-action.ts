import "server-only";
/**
 * The one place a server action turns a service's failure into its answer. A refusal
 * (ApiError: something the visitor can cause) goes to the action's own mapping, which picks
 * the localized message or the field to mark; anything else, or a refusal the mapping does not
 * know, is logged on the server and answered with the action's generic "unexpected" state,
 * never its details.
 */
import { ApiError } from "@/lib/server/api/errors";

export type ServiceOutcome<T, A> = { ok: true; value: T } | { ok: false; answer: A };

export interface FailureAnswers<A> {
  /** What the log line says failed, e.g. "retraction" → "retraction failed unexpectedly". */
  what: string;
  /** Undefined: a refusal this action does not expect, logged and answered as `unexpected`. */
  refused: (error: ApiError) => A | undefined | Promise<A | undefined>;
  unexpected: A;
  /**
   * Log the message only, not the error object: for a service that held a secret (a new
   * API token's), whose error might carry it in its fields.
   */
  logMessageOnly?: boolean;
}

/**
 * Runs `call` and answers `{ ok: true, value }`, or `{ ok: false, answer }` from `answers`.
 * Redirects belong after it, outside: Next's redirect() throws, and must not be caught here.
 */
export async function callService<T, A>(call: () => Promise<T>, answers: FailureAnswers<A>): Promise<ServiceOutcome<T, A>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    const answer = error instanceof ApiError ? await answers.refused(error) : undefined;
    if (answer !== undefined) return { ok: false, answer };
    const detail = answers.logMessageOnly ? (error instanceof Error ? error.message : "unknown error") : error;
    console.error(`${answers.what} failed unexpectedly`, detail);
    return { ok: false, answer: answers.unexpected };
  }
}
