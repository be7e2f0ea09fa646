import { db } from "@/lib/server/db/client";
import { handle, json } from "@/lib/server/api/respond";
import { getSubmittedDraft } from "@/lib/server/api/agency/get-submitted-draft";
import { authenticateApiToken } from "@/lib/server/auth/tokens/authenticate-api-token";
import { notOnAMirror } from "@/lib/server/mirror/not-on-a-mirror";

/**
 * Where a notice an agency system submitted for review stands (lib/server/api/agency/get-submitted-draft.ts):
 * bearer token of the draft's agency, never cached (the state changes when a reviewer acts).
 */
export const GET = notOnAMirror(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const response = await handle(async () => {
    const principal = await authenticateApiToken(db(), request.headers.get("authorization"));
    return json(await getSubmittedDraft(db(), principal, (await params).id), "no-store");
  });
  if (response.status === 401) response.headers.set("WWW-Authenticate", 'Bearer realm="gongshi", error="invalid_token"');
  return response;
});
