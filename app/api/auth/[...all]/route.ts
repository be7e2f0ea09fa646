/**
 * better-auth's HTTP endpoints (sign-in, sign-out, session). better-auth checks Origin on
 * every state-changing request here; Gongshi's own admin pages use server actions instead.
 * The instance is created on first request, so a build needs no secret.
 */
import { auth } from "@/lib/server/auth/server";
import { notOnAMirror } from "@/lib/server/mirror/not-on-a-mirror";

export const dynamic = "force-dynamic";

export const GET = notOnAMirror((request: Request): Promise<Response> => auth().handler(request));
export const POST = notOnAMirror((request: Request): Promise<Response> => auth().handler(request));
