/**
 * The Content-Security-Policy. Scripts run only from this origin, and inline ones only with
 * the nonce of the page they are in — no 'unsafe-inline', so markup injected into a page cannot
 * run script. server.mjs makes a nonce for every request and puts the policy into the request's
 * Content-Security-Policy header (replacing any the client sent), where Next finds it and puts
 * the nonce on its own inline scripts, whichever page renders — also a 404 the locale proxy never
 * saw. The answer carries the same policy unless it already has one: a page from the public page
 * cache keeps the policy stored with it, whose nonce is the one in its HTML (docs/decisions.md,
 * "Script nonces and the page cache"). Everything else is same-origin only: the browser verifier
 * needs no third-party code, and must not load any. Plain JavaScript for server.mjs; typed by
 * content-security-policy.d.mts.
 */
import { randomBytes } from "node:crypto";

/** `nonce` null: the policy of `next dev` and `next start`, which have no server.mjs to make nonces. */
export function contentSecurityPolicy(nonce, { dev = false } = {}) {
  const scripts = nonce ? `'nonce-${nonce}'` : "'unsafe-inline'";
  return [
    "default-src 'self'",
    // Dev mode (React call stacks, HMR) additionally needs 'unsafe-eval'.
    `script-src 'self' ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and fresh for every request. */
export function newNonce() {
  return randomBytes(16).toString("base64");
}
