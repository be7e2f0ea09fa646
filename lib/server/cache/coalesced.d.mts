/** Types of coalesced.mjs (plain JavaScript so that lib/server/db/read-routing.mjs can use it too). */
export declare function coalesced<T>(read: () => Promise<T>): () => Promise<T>;
