import "server-only";
/**
 * For admin pages: runs the page's service call and turns its authorization errors into what a
 * browser should see — the sign-in page for an anonymous visitor (401), the localized 403 page
 * for a role that may not (app/[locale]/admin/forbidden.tsx). The service decides; this only
 * translates its answer.
 */
import { forbidden } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import { ApiError } from "@/lib/server/api/errors";
import type { Actor } from "@/lib/server/auth/authorize";
import { currentActor } from "@/lib/server/auth/current-actor";

export async function guarded<T>(locale: string, load: (actor: Actor | null) => Promise<T>): Promise<T> {
  const actor = await currentActor();
  try {
    return await load(actor);
  } catch (error) {
    if (error instanceof ApiError && error.code === "unauthorized") redirect({ href: "/admin/sign-in", locale });
    if (error instanceof ApiError && error.code === "forbidden") forbidden();
    throw error;
  }
}
