import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { publicOrigin } from "@/lib/server/api/public-origin";

/**
 * Crawlers are welcome on every page. /api/ is closed to them except the OpenAPI document:
 * the JSON answers duplicate the pages, and crawling search and CSV exports would cost the
 * database for nothing. /log/ (the C2SP tiles) is for verifiers, not search engines.
 * /feeds/ stays open: feed readers do not read robots.txt, but some discovery crawlers do.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  // Reading the request's headers makes this per request, so the sitemap URL has the right host.
  const origin = publicOrigin(await headers(), "http://localhost");
  return {
    rules: { userAgent: "*", allow: ["/", "/api/v1/openapi.json"], disallow: ["/api/", "/log/"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
