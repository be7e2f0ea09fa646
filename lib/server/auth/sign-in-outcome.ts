/**
 * What the sign-in form shows for a refused sign-in: better-auth's error turned into a message
 * key and, for the throttle, the wait in the largest whole unit (rounded up), which the form
 * words in the reader's language (messages/<locale>/admin.json, admin.waitDuration).
 */
import { APIError } from "better-auth/api";
import { SIGN_IN_CODES } from "./sign-in-codes";

export interface Wait {
  unit: "second" | "minute" | "hour";
  n: number;
}

export interface SignInState {
  error: "invalid" | "throttled" | "accountLimited" | "disabled" | "missing" | "unexpected" | null;
  email: string;
  wait?: Wait;
}

export function waitFor(seconds: number): Wait {
  if (seconds < 120) return { unit: "second", n: Math.max(1, Math.ceil(seconds)) };
  if (seconds < 120 * 60) return { unit: "minute", n: Math.ceil(seconds / 60) };
  return { unit: "hour", n: Math.ceil(seconds / 3600) };
}

/** The form's state for an error thrown by sign-in; null when it is not one sign-in gives. */
export function signInRefused(error: unknown, email: string): SignInState | null {
  if (!(error instanceof APIError)) return null;
  const code = error.body?.code;
  if (error.statusCode === 429) {
    const seconds = Number(error.body?.retryAfterSeconds);
    // better-auth's own limiter (HTTP only) names no wait; its window is a minute.
    const wait = waitFor(Number.isFinite(seconds) && seconds > 0 ? seconds : 60);
    return { error: code === SIGN_IN_CODES.accountLimit ? "accountLimited" : "throttled", email, wait };
  }
  if (code === SIGN_IN_CODES.disabled) return { error: "disabled", email };
  if (error.statusCode === 401 || error.statusCode === 400) return { error: "invalid", email };
  return null;
}
