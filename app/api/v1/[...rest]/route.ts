import { json } from "@/lib/api/respond";

/** Unknown API paths answer in the API's own error form, not with the HTML 404 page. */
function notFound(): Response {
  return json({ error: { code: "not-found", message: "no such API endpoint" } }, "no-store", 404);
}
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
