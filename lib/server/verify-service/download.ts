import "server-only";
/**
 * A proof file as a download. Not cached as immutable: the same URL answers with a proof at
 * the latest checkpoint, which grows. The name is ASCII (notice and agency ids are), so the
 * plain filename= form is enough.
 */
export function download(body: string, contentType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "public, max-age=2, must-revalidate",
      "x-content-type-options": "nosniff",
    },
  });
}
