import "server-only";
/**
 * For admin pages: the signed-in actor and what the page's service returned for them, with the
 * service's refusals turned into what a person in a browser should see — the sign-in page
 * when signed out (401), the localized 403 page when signed in without the role or agency
 * (forbidden.tsx of the segment), the 404 page for an unknown notice. The service decides;
 * this only translates its answer.
 */
import { forbidden, notFound } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import { ApiError } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/authorize";
import { currentActor } from "@/lib/auth/current-actor";

export async function loadForAdminPage<T>(locale: string, load: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = await currentActor();
  if (!actor) return redirect({ href: "/admin/sign-in", locale });
  try {
    return await load(actor);
  } catch (error) {
    if (error instanceof ApiError) {
      if (error.code === "unauthorized") redirect({ href: "/admin/sign-in", locale });
      if (error.code === "forbidden") forbidden();
      if (error.code === "not-found") notFound();
    }
    throw error;
  }
}
