/** The lib/log functions the witness specs check cosignatures with, and the size line of a checkpoint. */
export { openNote, parseCosignatureVerifierKey, parseVerifierKey, verifyCosignatures } from "../../lib/log";
import { parseCheckpoint } from "../../lib/log";

export function readCheckpointSize(text: string): number {
  return parseCheckpoint(text).size;
}
