import { readDb } from "@/lib/server/db/read-db";
import { handle } from "@/lib/server/api/respond";
import { publicOriginOf } from "@/lib/server/api/public-origin";
import { sitemapFiles } from "@/lib/server/feeds/sitemap";
import { buildSitemapIndex } from "@/lib/server/feeds/sitemap-xml";

export const dynamic = "force-dynamic";

/** A sitemap index: the portal has more URLs than one sitemap may hold. */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const origin = publicOriginOf(request);
    const files = await sitemapFiles(await readDb());
    return new Response(buildSitemapIndex(files.map((file) => `${origin}/sitemaps/${file}.xml`)), {
      headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" },
    });
  });
}
