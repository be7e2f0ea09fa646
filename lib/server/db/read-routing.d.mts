/** Types of read-routing.mjs (plain JavaScript so that server.mjs can load it too). */
export declare const REPLICA_RETRY_MS: number;
export declare function parseLsn(text: string | null | undefined): bigint;
export declare function replicaIsAway(error: unknown): boolean;

export type ReadTarget = "replica" | "primary";

export interface ReadRouterOptions {
  primaryPosition: () => Promise<string>;
  replicaPosition: () => Promise<string | null>;
  maxWaitMs: number;
  log?: (line: string) => void;
  now?: () => number;
}

export declare class ReadRouter {
  constructor(options: ReadRouterOptions);
  /** How many reads went where, since the process started. */
  readonly counts: Record<ReadTarget, number>;
  choose(): Promise<ReadTarget>;
  away(error: unknown): void;
  noteReplicaError(error: unknown): void;
  end?: () => Promise<unknown>;
}

export declare function createReadRouter(primaryUrl: string, replicaUrl: string, maxWaitMs: number, positionTimeoutMs?: number): ReadRouter;
export declare function readRouter(primaryUrl: string, replicaUrl: string | undefined, maxWaitMs: number): ReadRouter | null;
