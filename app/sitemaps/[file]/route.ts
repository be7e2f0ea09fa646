import { readDb } from "@/lib/server/db/read-db";
import { notFound } from "@/lib/server/api/errors";
import { handle } from "@/lib/server/api/respond";
import { publicOriginOf } from "@/lib/server/api/public-origin";
import { sitemapEntries } from "@/lib/server/feeds/sitemap";
import { buildUrlset } from "@/lib/server/feeds/sitemap-xml";

/** One file of the sitemap, /sitemaps/pages.xml or /sitemaps/notices-<n>.xml. */
export function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return handle(async () => {
    const { file } = await params;
    if (!file.endsWith(".xml")) throw notFound("no such sitemap");
    const entries = await sitemapEntries(await readDb(), publicOriginOf(request), file.slice(0, -4));
    return new Response(buildUrlset(entries), {
      headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
    });
  });
}
