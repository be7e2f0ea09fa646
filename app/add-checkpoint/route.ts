import { db } from "@/lib/server/db/client";
import { MAX_ADD_CHECKPOINT_BYTES } from "@/lib/core/log";
import { mirrorConfig } from "@/lib/server/mirror/mirror-config";
import { answerAddCheckpoint } from "@/lib/server/mirror/mirror-add-checkpoint";

/**
 * C2SP tlog-witness add-checkpoint, answered by a mirror with a key of its own
 * (lib/server/mirror/mirror-add-checkpoint.ts); 404 anywhere else. Protocol answers are plain text with
 * the spec's status codes, not the API's JSON errors: witness clients read them.
 */
export async function POST(request: Request): Promise<Response> {
  const config = mirrorConfig();
  if (!config) return new Response("not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_ADD_CHECKPOINT_BYTES) return new Response(`request body over ${MAX_ADD_CHECKPOINT_BYTES} bytes\n`, { status: 413 });
  let body: string;
  try {
    body = await readCapped(request, MAX_ADD_CHECKPOINT_BYTES);
  } catch {
    return new Response(`request body over ${MAX_ADD_CHECKPOINT_BYTES} bytes\n`, { status: 413 });
  }
  const answer = await answerAddCheckpoint(db(), config, body);
  const headers: Record<string, string> = { "content-type": answer.contentType, "cache-control": "no-store" };
  if (answer.retryAfter) headers["retry-after"] = String(answer.retryAfter);
  return new Response(answer.body, { status: answer.status, headers });
}

async function readCapped(request: Request, max: number): Promise<string> {
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > max) throw new Error("too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
