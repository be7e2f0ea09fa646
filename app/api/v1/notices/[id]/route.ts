import { readDb } from "@/lib/server/db/read-db";
import { handle, json } from "@/lib/server/api/respond";
import { getNotice } from "@/lib/server/notices/get-notice";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => json(await getNotice(await readDb(), (await params).id)));
}
