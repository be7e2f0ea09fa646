import "server-only";
/**
 * The attachment size limit: ATTACHMENT_MAX_BYTES, 20 MiB unless configured. Read on its own
 * (not through env(), which also demands the database URL) so the pure checks can be tested;
 * start-up still validates it with the rest of the environment (lib/env.ts).
 */
import { attachmentMaxBytesSchema } from "@/lib/env";

export function attachmentMaxBytes(): number {
  return attachmentMaxBytesSchema.parse(process.env.ATTACHMENT_MAX_BYTES || undefined);
}
