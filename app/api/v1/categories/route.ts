import { badRequest } from "@/lib/server/api/errors";
import { handle, json, SHORT } from "@/lib/server/api/respond";
import { CATEGORIES } from "@/lib/shared/categories/vocabulary";

/**
 * The category vocabulary (lib/shared/categories/vocabulary.ts): what an agency system may send as a
 * notice's `category` (the slug; a label is accepted too) and what `?category=` filters take.
 */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const unknown = [...new URL(request.url).searchParams.keys()];
    if (unknown.length > 0) throw badRequest(`unknown parameter ${unknown[0]!.slice(0, 40)}`);
    return json({ categories: CATEGORIES.map((c) => ({ slug: c.slug, label: { ...c.label } })) }, SHORT);
  });
}
