import { readDb } from "@/lib/db/read-db";
import { handle, json } from "@/lib/api/respond";
import { getNotice } from "@/lib/notices/get-notice";

export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handle(async () => json(await getNotice(await readDb(), (await params).id)));
}
