/**
 * Error types of the verifiable core.
 *
 * Three kinds are kept apart on purpose (STYLE.md): a caller that passed nonsense
 * (InputError) has a bug; a proof or signature that does not check out (ProofError,
 * and its RootMismatchError) is evidence against the log; bytes that do not parse as the
 * wire format they claim to be (FormatError) are a transport or tampering problem.
 * Each carries a stable `code` so the UI and the CLI can name the failed step.
 */

/** The common shape: a message for people and a stable code for programs. */
export class CodedError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

export class InputError extends CodedError {}

export class ProofError extends CodedError {}

/** The proof is well formed but leads to a different root than the one trusted. */
export class RootMismatchError extends ProofError {
  readonly expected: Uint8Array;
  readonly computed: Uint8Array;
  constructor(expected: Uint8Array, computed: Uint8Array) {
    super("root-mismatch", "the proof leads to a different root hash than the trusted one");
    this.expected = expected;
    this.computed = computed;
  }
}

export class FormatError extends CodedError {}

/** Precondition helper: a tree index or size must be a non-negative safe integer. */
export function requireIndex(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InputError("bad-" + name, `${name} must be a non-negative integer, got ${String(value)}`);
  }
}
