import { notFound as noSuch } from "@/lib/server/api/errors";
import { errorResponse } from "@/lib/server/api/respond";

/** Unknown API paths answer in the API's own error form, not with the HTML 404 page. */
function notFound(): Response {
  return errorResponse(noSuch("no such API endpoint"));
}
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
