/** Types of request-guard.mjs (plain JavaScript, for server.mjs). */
import type { IncomingMessage, ServerResponse } from "node:http";

export declare function uploadBodyLimit(attachmentMaxBytes: number): number;
export declare const SMALL_BODY_LIMIT: number;
export declare function pathDecodes(pathname: string): boolean;
export declare function notFoundPathFor(pathname: string): string;
export declare function sameOriginAction(req: IncomingMessage): boolean;
export interface GuardOptions {
  uploadLimit: number;
  hasStaffSession(cookie: string): Promise<boolean>;
}
export declare function guardRequest(req: IncomingMessage, res: ServerResponse, options: GuardOptions): Promise<boolean>;
export declare function sessionChecker(selfOrigin: string): (cookie: string) => Promise<boolean>;
