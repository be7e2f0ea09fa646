import "server-only";
/**
 * Sign-out, here or everywhere (every session of the user, on every device: what to do when a
 * laptop is lost or a password may have leaked). Both are recorded in the audit trail.
 */
import { headers } from "next/headers";
import { db } from "@/lib/server/db/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { requestOrigin } from "./request-origin";
import { auth } from "./server";

export async function signOut(options: { everywhere: boolean }): Promise<void> {
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return;
  if (options.everywhere) {
    await auth().api.revokeSessions({ headers: requestHeaders });
  }
  // Clears this browser's cookie (and its session row, if still there).
  await auth().api.signOut({ headers: requestHeaders });
  await recordAuditEvent(db(), {
    actorUserId: session.user.id,
    action: options.everywhere ? "sign-out.everywhere" : "sign-out",
    subject: session.user.id,
    ...requestOrigin(requestHeaders),
  });
}
