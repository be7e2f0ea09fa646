import { db } from "@/lib/db/client";
import { handle, json } from "@/lib/api/respond";
import { getSubmittedDraft } from "@/lib/agency-api/get-submitted-draft";
import { authenticateApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { notOnAMirror } from "@/lib/mirror/not-on-a-mirror";

/**
 * Where a notice an agency system submitted for review stands (lib/agency-api/get-submitted-draft.ts):
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
