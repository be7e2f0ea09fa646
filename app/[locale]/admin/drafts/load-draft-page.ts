import "server-only";
/**
 * Loads a draft for one of its pages: signed-out visitors go to sign-in, a published draft to
 * its notice, an unknown id to 404, a clerk of another agency to the localized 403 page.
 */
import { forbidden, notFound } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import { ApiError } from "@/lib/api/errors";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { getDraft, type DraftView } from "@/lib/drafts/get-draft";

export async function loadDraftPage(locale: string, id: string): Promise<DraftView> {
  const actor = await currentActor();
  if (!actor) return redirect({ href: "/admin/sign-in", locale });
  let view: DraftView;
  try {
    view = await getDraft(db(), actor, id);
  } catch (error) {
    if (error instanceof ApiError && error.code === "forbidden") forbidden();
    if (error instanceof ApiError && error.code === "not-found") notFound();
    throw error;
  }
  if (view.draft.published) redirect({ href: `/admin/notices/${view.draft.published.noticeId}`, locale });
  return view;
}
