/**
 * The wire formats of C2SP tlog-witness (https://c2sp.org/tlog-witness), both sides:
 *
 *   POST <prefix>/add-checkpoint
 *     old <size>\n              decimal, no leading zeros
 *     <base64 hash>\n           0 to 63 consistency proof lines, old size → checkpoint size
 *     \n
 *     <signed checkpoint note>
 *
 *   200: one or more note signature lines ("— <name> <base64>\n"), the cosignatures;
 *   409: Content-Type text/x.tlog.size, body "<size the witness last cosigned>\n".
 *
 * Parsing is strict: a witness answers anything else with 400 and must never guess.
 */
import { FormatError } from "./errors";
import { formatHash, parseHash, type Hash } from "./hash";
import { parseSignatureLine, type NoteSignature } from "./note";
import { MAX_TREE_SIZE } from "./stored-hashes";

/** What a witness reads of a request body at most; a checkpoint with a few signatures and 63 proof lines fits easily. */
export const MAX_ADD_CHECKPOINT_BYTES = 16 * 1024;
export const MAX_CONSISTENCY_PROOF_LINES = 63;
export const TLOG_SIZE_CONTENT_TYPE = "text/x.tlog.size";

const SIZE = /^(0|[1-9][0-9]{0,15})$/;

export interface AddCheckpointRequest {
  readonly oldSize: number;
  readonly proof: readonly Hash[];
  /** The signed checkpoint note, verbatim. */
  readonly signedCheckpoint: string;
}

export function formatAddCheckpointRequest(request: AddCheckpointRequest): string {
  if (request.proof.length > MAX_CONSISTENCY_PROOF_LINES) throw new FormatError("bad-request", "too many consistency proof lines");
  const proof = request.proof.map((h) => formatHash(h) + "\n").join("");
  return `old ${request.oldSize}\n${proof}\n${request.signedCheckpoint}`;
}

/** Throws FormatError (a witness's 400) for any body that is not exactly the request format. */
export function parseAddCheckpointRequest(body: string): AddCheckpointRequest {
  const blank = body.indexOf("\n\n");
  if (blank < 0) throw new FormatError("bad-request", "request has no empty line before the checkpoint");
  const head = body.slice(0, blank).split("\n");
  const signedCheckpoint = body.slice(blank + 2);
  const oldLine = head[0]!;
  if (!oldLine.startsWith("old ") || !SIZE.test(oldLine.slice(4)) || Number(oldLine.slice(4)) > MAX_TREE_SIZE) {
    throw new FormatError("bad-request", 'the first line must be "old <size>" in decimal without leading zeros');
  }
  const proofLines = head.slice(1);
  if (proofLines.length > MAX_CONSISTENCY_PROOF_LINES) throw new FormatError("bad-request", `more than ${MAX_CONSISTENCY_PROOF_LINES} consistency proof lines`);
  const proof = proofLines.map((line) => {
    try {
      return parseHash(line);
    } catch {
      throw new FormatError("bad-request", "a consistency proof line is not a base64 SHA-256 hash");
    }
  });
  if (signedCheckpoint === "") throw new FormatError("bad-request", "request has no checkpoint");
  return { oldSize: Number(oldLine.slice(4)), proof, signedCheckpoint };
}

export function formatTlogSize(size: number): string {
  return `${size}\n`;
}

/** The body of a 409 answer. Throws FormatError if it is not exactly "<decimal size>\n". */
export function parseTlogSize(body: string): number {
  if (!body.endsWith("\n") || !SIZE.test(body.slice(0, -1)) || Number(body.slice(0, -1)) > MAX_TREE_SIZE) {
    throw new FormatError("bad-tlog-size", "a text/x.tlog.size body is a decimal size and a newline");
  }
  return Number(body.slice(0, -1));
}

/**
 * The body of a 200 answer: note signature lines. Throws FormatError for anything else. The
 * lines are not verified here; append them to the checkpoint and check them with
 * verifyCosignatures, which ignores keys the caller does not trust.
 */
export function parseSignatureLines(body: string): NoteSignature[] {
  if (body === "" || !body.endsWith("\n")) throw new FormatError("bad-cosignature", "an answer of cosignatures is signature lines, each ending in a newline");
  const lines = body.slice(0, -1).split("\n");
  if (lines.length > 100) throw new FormatError("bad-cosignature", "too many signature lines");
  return lines.map(parseSignatureLine);
}
