/**
 * lib/core/log — Gongshi's verifiable core: RFC 6962/9162 Merkle trees, C2SP signed notes,
 * checkpoints, tiles and tlog-proofs, and the notice leaf record. Pure TypeScript on
 * Uint8Array: no I/O and no framework imports, so the server, the browser verifier and the
 * offline CLI run exactly this code. Storage reaches it only through HashReader/TileReader.
 */
export * from "./errors";
export * from "./encoding";
export * from "./hash";
export * from "./stored-hashes";
export * from "./proof-generate";
export * from "./proof-verify";
export * from "./tiles";
export * from "./tile-append";
export * from "./ed25519-verify";
export * from "./note-keys";
export * from "./note";
export * from "./checkpoint";
export * from "./tlog-proof";
export * from "./jcs";
export * from "./commitment";
export * from "./notice-leaf";
export * from "./cosignature";
export * from "./witness-protocol";
export * from "./witness-policy";
export * from "./witness-check";
