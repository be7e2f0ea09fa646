import { db } from "@/lib/db/client";
import { handle, json } from "@/lib/api/respond";
import { getNotice } from "@/lib/notices/get-notice";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => json(await getNotice(db(), (await params).id)));
}
