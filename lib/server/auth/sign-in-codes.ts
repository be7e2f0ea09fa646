/** The error codes sign-in answers with beyond better-auth's own (lib/server/auth/server.ts throws them). */
export const SIGN_IN_CODES = { backoff: "SIGN_IN_BACKOFF", accountLimit: "SIGN_IN_ACCOUNT_LIMIT", disabled: "ACCOUNT_DISABLED" } as const;
