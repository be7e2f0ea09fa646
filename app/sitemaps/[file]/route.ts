import { readDb } from "@/lib/db/read-db";
import { notFound } from "@/lib/api/errors";
import { handle } from "@/lib/api/respond";
import { publicOriginOf } from "@/lib/api/public-origin";
import { sitemapEntries } from "@/lib/feeds/sitemap";
import { buildUrlset } from "@/lib/feeds/sitemap-xml";

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
