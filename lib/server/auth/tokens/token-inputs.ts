/**
 * What an administrator submits to create or revoke a token, as zod schemas shared by the
 * admin page's server actions and the services (which validate again). Pure.
 */
import { z } from "zod";
import { AGENCY_PATTERN } from "@/lib/core/log";

export const TOKEN_LABEL_MAX = 100;

export const createTokenSchema = z
  .object({
    agencyId: z.string().trim().regex(AGENCY_PATTERN, "choose an agency"),
    label: z
      .string()
      .transform((s) => s.normalize("NFC").trim())
      .pipe(
        z
          .string()
          .min(1, "required")
          .max(TOKEN_LABEL_MAX, `at most ${TOKEN_LABEL_MAX} characters`)
          .refine((s) => !/[\u0000-\u001F\u007F]/.test(s) && s.isWellFormed(), "must be one line of text"),
      ),
    /**
     * In an agency that requires review, may this token's requests publish at once? Without it
     * they become drafts submitted for review (lib/server/api/agency/submit-from-api.ts). Fixed at creation.
     */
    publishDirectly: z.boolean().default(false),
  })
  .strict();

export const tokenIdSchema = z.string().regex(/^tok_[A-Za-z0-9_-]{16,40}$/, "not a token id");
