/**
 * better-auth's HTTP endpoints (sign-in, sign-out, session). better-auth checks Origin on
 * every state-changing request here; Gongshi's own admin pages use server actions instead.
 * The instance is created on first request, so a build needs no secret.
 */
import { auth } from "@/lib/auth/server";

export const dynamic = "force-dynamic";

export const GET = (request: Request): Promise<Response> => auth().handler(request);
export const POST = (request: Request): Promise<Response> => auth().handler(request);
