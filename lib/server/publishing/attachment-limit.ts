import "server-only";
/**
 * The attachment size limit: ATTACHMENT_MAX_BYTES, 20 MiB unless configured. Read on its own
 * (not through env(), which also demands the database URL) so the pure checks can be tested;
 * start-up still validates it with the rest of the environment (lib/server/env.ts).
 */
import { envOf } from "@/lib/server/env";

export function attachmentMaxBytes(): number {
  return envOf(["ATTACHMENT_MAX_BYTES"]).ATTACHMENT_MAX_BYTES;
}
