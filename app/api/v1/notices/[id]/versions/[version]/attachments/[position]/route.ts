import { readDb } from "@/lib/server/db/read-db";
import { handle, IMMUTABLE } from "@/lib/server/api/respond";
import { parseIndex } from "@/lib/server/api/params";
import { getAttachment } from "@/lib/server/notices/get-attachment";

/**
 * An attachment's bytes; always a download, never rendered inline on this origin. Should a
 * file ever pass the attachment policy that a browser would run (an HTML page dressed as a
 * PDF), nosniff keeps it octet-stream and the sandbox policy gives it no script and no origin.
 */
export function GET(_request: Request, { params }: { params: Promise<{ id: string; version: string; position: string }> }): Promise<Response> {
  return handle(async () => {
    const p = await params;
    const a = await getAttachment(await readDb(), p.id, parseIndex("version", p.version), parseIndex("position", p.position));
    return new Response(new Uint8Array(a.content), {
      headers: {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
        "x-content-type-options": "nosniff",
        "content-security-policy": "sandbox; default-src 'none'",
        "x-content-sha256": a.sha256,
        "cache-control": IMMUTABLE,
      },
    });
  });
}
