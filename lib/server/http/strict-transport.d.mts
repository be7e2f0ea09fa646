/** Types of strict-transport.mjs (plain JavaScript, for server.mjs). */
import type { IncomingMessage } from "node:http";

export declare const HSTS: string;
export declare function servedOverHttps(req: IncomingMessage, publicUrl: string | undefined): boolean;
