import { json } from "@/lib/api/respond";
import { openApiDocument } from "@/lib/openapi/document";

const body = openApiDocument();

/** The OpenAPI 3.1 description of the public API; the same for every build, so cached an hour. */
export function GET(): Response {
  return json(body, "public, max-age=3600");
}
