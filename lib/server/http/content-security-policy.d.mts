/** Types of content-security-policy.mjs (plain JavaScript, for server.mjs). */
export declare function contentSecurityPolicy(nonce: string | null, options?: { dev?: boolean }): string;
export declare function newNonce(): string;
