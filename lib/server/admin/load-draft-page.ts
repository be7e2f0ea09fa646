import "server-only";
/**
 * Loads a draft for one of its pages: signed-out visitors go to sign-in, a published draft to
 * its notice, an unknown id to 404, a clerk of another agency to the localized 403 page.
 */
import { redirect } from "@/i18n/navigation";
import { requireUser } from "@/lib/server/auth/authorize";
import { db } from "@/lib/server/db/client";
import { getDraft, type DraftView } from "@/lib/server/drafts/get-draft";
import { orNotFound } from "@/lib/server/pages/or-not-found";
import { guarded } from "./guard";

export async function loadDraftPage(locale: string, id: string): Promise<DraftView> {
  // requireUser first, so a signed-out visitor is sent to sign in even for an unknown id.
  const view = await guarded(locale, (actor) => orNotFound(getDraft(db(), requireUser(actor), id)));
  if (view.draft.published) redirect({ href: `/admin/notices/${view.draft.published.noticeId}`, locale });
  return view;
}
