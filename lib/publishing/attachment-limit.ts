import "server-only";
/** The attachment size limit: ATTACHMENT_MAX_BYTES, 20 MiB unless configured (lib/env.ts). */
import { env } from "@/lib/env";

export function attachmentMaxBytes(): number {
  return env().ATTACHMENT_MAX_BYTES;
}
