import { json } from "@/lib/server/api/respond";
import { isMirror } from "@/lib/server/mirror/mirror-config";
import { openApiDocument } from "@/lib/server/api/openapi/document";

// Rendered at run time: whether this server is a mirror is known only then (MIRROR_OF).
export const dynamic = "force-dynamic";

let body: unknown;

/** The OpenAPI 3.1 description of this server's API; fixed for the process, so cached an hour. */
export function GET(): Response {
  body ??= openApiDocument(isMirror() ? "mirror" : "origin");
  return json(body, "public, max-age=3600");
}
