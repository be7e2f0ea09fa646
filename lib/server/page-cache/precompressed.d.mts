/** Types of precompressed.mjs (plain JavaScript, for server.mjs). */
import type { ServerResponse } from "node:http";

export declare const PRECOMPRESSED_HEADER: "x-gongshi-content-encoding";
export declare function declareServerCompresses(): void;
export declare function sendPrecompressedAsIs(res: ServerResponse): void;
