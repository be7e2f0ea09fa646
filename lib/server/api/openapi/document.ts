/**
 * The OpenAPI 3.1 description of every public endpoint, served at /api/v1/openapi.json.
 * Every parameter carries an `example` that works against the demo data: the e2e suite calls
 * each documented GET with them and checks the documented status and content type, so the
 * document cannot drift from the routes unnoticed.
 */
import { CSV_MAX_ROWS } from "@/lib/server/feeds/csv";
import { FEED_DEFAULT_SIZE } from "@/lib/server/feeds/feed-params";
import { MAX_PAGE, MAX_QUERY_LENGTH, PAGE_SIZES, SORTS, STATUSES } from "@/lib/shared/search/search-params";
import { bearerSecurityScheme, publishNoticeOperation, submittedDraftOperation } from "./publish-operation";
import { schemas } from "./schemas";

type Json = Record<string, unknown>;

const ERROR_CODES = { 400: "Malformed or out-of-range parameter", 404: "No such resource" } as const;
const errorResponse = (description: string): Json => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function responses(contentType: string, schema: Json | null, description: string, errors: (keyof typeof ERROR_CODES)[]): Json {
  return {
    200: { description, content: { [contentType]: schema ? { schema } : {} } },
    ...Object.fromEntries(errors.map((status) => [status, errorResponse(ERROR_CODES[status])])),
    500: errorResponse("Unexpected server error (never caused by input)"),
  };
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const path = (name: string, schema: Json, example: unknown, description?: string): Json => ({
  name,
  in: "path",
  required: true,
  schema,
  example,
  ...(description ? { description } : {}),
});
const query = (name: string, schema: Json, example?: unknown, extra: Json = {}): Json => ({
  name,
  in: "query",
  required: false,
  schema,
  ...(example !== undefined ? { example } : {}),
  ...extra,
});
const nonNegative = { type: "string", pattern: "^(0|[1-9][0-9]{0,15})$", description: "decimal integer without leading zeros" };
const repeatable = (items: Json): Json => ({ type: "array", items });

/** The filters shared by search, feeds and the CSV export (lib/shared/search/search-params.ts). */
const FILTERS = [
  query("q", { type: "string", maxLength: MAX_QUERY_LENGTH }, "规划", { description: "words, a document number, a log index (#12), a leaf hash or an attachment SHA-256" }),
  query("agency", repeatable({ type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,63}$" }), ["hp-planning"], { style: "form", explode: true, description: "repeatable (OR)" }),
  query("category", repeatable({ type: "string", maxLength: 100 }), undefined, {
    style: "form",
    explode: true,
    description: "a category's slug (GET /api/v1/categories); a label in either language is taken as its slug",
  }),
  query("status", repeatable({ type: "string", enum: [...STATUSES] }), undefined, { style: "form", explode: true }),
  query("language", repeatable({ type: "string" }), undefined, { style: "form", explode: true }),
  query("from", { type: "string", format: "date" }, undefined, { description: "inclusive, China time, on the date a notice last changed" }),
  query("to", { type: "string", format: "date" }, undefined, { description: "inclusive; not before from" }),
];
const SORT = query("sort", { type: "string", enum: [...SORTS] }, undefined, { description: "default: relevance with q, else newest" });
const PAGE = query("page", { type: "integer", minimum: 1, maximum: MAX_PAGE, default: 1 });
const PAGE_SIZE = query("pageSize", { type: "integer", enum: [...PAGE_SIZES], default: 20 });
const LOCALE = query("locale", { type: "string", enum: ["zh-CN", "en"], default: "zh-CN" }, "en", { description: "language of titles, agency names and links" });

function feed(format: string, contentType: string): Json {
  return {
    get: {
      tags: ["feeds"],
      summary: `${format} of the newest notices matching the filters`,
      parameters: [...FILTERS, LOCALE, query("pageSize", { type: "integer", enum: [...PAGE_SIZES], default: FEED_DEFAULT_SIZE }, undefined, { description: "number of items" })],
      responses: responses(contentType, format === "JSON Feed 1.1" ? ref("JsonFeed") : null, format, [400]),
    },
  };
}

/**
 * Which server the document describes: an origin publishes and is no mirror; a mirror
 * (docs/mirrors.md) publishes nothing and tells its status; "all" documents every route there
 * is (what test/feeds/openapi.test.ts checks against app/api).
 */
export type ApiServer = "origin" | "mirror" | "all";

export function openApiDocument(server: ApiServer = "all"): Json {
  const doc = fullDocument();
  const paths = doc.paths as Record<string, Json>;
  if (server === "origin") delete paths["/api/v1/mirror"];
  if (server === "mirror") {
    const { post: _publishing, ...reading } = paths["/api/v1/notices"] as Json;
    paths["/api/v1/notices"] = reading;
    delete paths["/api/v1/drafts/{id}"];
    delete (doc.components as Json).securitySchemes;
  }
  return doc;
}

function fullDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Gongshi (公示) public API",
      version: "1",
      description:
        "Public notices recorded in an append-only RFC 6962 Merkle log. Reading is public and needs no authentication; publishing (POST /api/v1/notices) needs an agency API token. " +
        "Errors are {error:{code,message}} with a 4xx status for anything a client sends. Formats: docs/log-format.md; feeds and exports: docs/feeds-and-api.md.",
    },
    servers: [{ url: "/" }],
    tags: [{ name: "log" }, { name: "notices" }, { name: "publishing" }, { name: "feeds" }, { name: "site" }],
    paths: {
      "/log/checkpoint": {
        get: {
          tags: ["log"],
          summary: "Latest signed checkpoint (C2SP tlog-checkpoint), with every witness cosignature (C2SP tlog-cosignature) collected for it after the log's signature line",
          responses: responses("text/plain", { type: "string" }, "signed note", []),
        },
      },
      "/log/tile/{level}/{index}.p/{width}": {
        get: {
          tags: ["log"],
          summary: "Partial hash tile (C2SP tlog-tiles); full tiles drop .p/{width}",
          parameters: [
            path("level", { type: "string", pattern: "^[0-9]$" }, "0"),
            path("index", { type: "string", pattern: "^(x[0-9]{3}/)*[0-9]{3}$" }, "000", "tile index in 3-digit path elements"),
            path("width", { type: "string", pattern: "^[1-9][0-9]{0,2}$" }, "1"),
          ],
          responses: responses("application/octet-stream", { type: "string", format: "binary" }, "concatenated 32-byte hashes", [400, 404]),
        },
      },
      "/log/tile/entries/{index}.p/{width}": {
        get: {
          tags: ["log"],
          summary: "Partial entry bundle (C2SP tlog-tiles); full bundles drop .p/{width}",
          parameters: [path("index", { type: "string", pattern: "^(x[0-9]{3}/)*[0-9]{3}$" }, "000"), path("width", { type: "string", pattern: "^[1-9][0-9]{0,2}$" }, "1")],
          responses: responses("application/octet-stream", { type: "string", format: "binary" }, "length-prefixed leaves", [400, 404]),
        },
      },
      "/api/v1/log": {
        get: {
          tags: ["log"],
          summary: "The log's identity and head, its witnesses and the newest checkpoint they cosigned to quorum",
          responses: responses("application/json", ref("LogInfo"), "log head", []),
        },
      },
      "/api/v1/log/entries/{index}": {
        get: { tags: ["log"], summary: "One leaf", parameters: [path("index", nonNegative, "0")], responses: responses("application/json", ref("LogEntry"), "leaf", [400, 404]) },
      },
      "/api/v1/log/proof/inclusion": {
        get: {
          tags: ["log"],
          summary: "Inclusion proof of leaf index in the tree of the given size",
          parameters: [
            { ...query("index", nonNegative, "0"), required: true },
            query("size", nonNegative, "2", { description: "tree size, default the latest; 0 <= index < size" }),
          ],
          responses: responses("application/json", ref("InclusionProof"), "audit path", [400]),
        },
      },
      "/api/v1/log/proof/consistency": {
        get: {
          tags: ["log"],
          summary: "Consistency proof between two tree sizes",
          parameters: [
            { ...query("from", nonNegative, "1"), required: true },
            { ...query("to", nonNegative, "2"), required: true, description: "from <= to <= latest size" },
          ],
          responses: responses("application/json", ref("ConsistencyProof"), "consistency proof", [400]),
        },
      },
      "/api/v1/log/checkpoints": {
        get: {
          tags: ["log"],
          summary: "The checkpoint chain, oldest first (keyset paging), each with its cosignatures",
          parameters: [
            query("after", nonNegative, "0", { description: "size of the last checkpoint seen" }),
            query("limit", { type: "integer", minimum: 1, maximum: 1000, default: 100 }, "10"),
          ],
          responses: responses("application/json", { type: "array", items: ref("ChainCheckpoint") }, "checkpoints", [400]),
        },
      },
      "/api/v1/log/records": {
        get: {
          tags: ["log"],
          summary: "Log entries in bulk, with leaves and the content that checks against them (what a mirror copies, docs/mirrors.md)",
          parameters: [{ ...query("start", nonNegative, "0"), required: true }, query("count", { type: "integer", minimum: 1, maximum: 256, default: 256 }, "256")],
          responses: responses("application/json", ref("LogRecords"), "records from start, fewer at the end of the latest checkpoint", [400]),
        },
      },
      "/api/v1/notices": {
        get: {
          tags: ["notices"],
          summary: "Search and list notices, with facet counts and exact matches",
          parameters: [...FILTERS, SORT, PAGE, PAGE_SIZE],
          responses: responses("application/json", ref("SearchResult"), "one page of results", [400]),
        },
        post: publishNoticeOperation,
      },
      "/api/v1/drafts/{id}": { get: submittedDraftOperation },
      "/api/v1/notices.csv": {
        get: {
          tags: ["notices"],
          summary: `Every notice matching a search, as CSV (at most ${CSV_MAX_ROWS} rows; page and pageSize are accepted and ignored)`,
          parameters: [...FILTERS, SORT, LOCALE, PAGE, PAGE_SIZE],
          responses: {
            ...responses("text/csv", { type: "string" }, "UTF-8 with BOM, RFC 4180; X-Total-Count and X-Export-Rows headers", [400]),
          },
        },
      },
      "/api/v1/notices/{id}": {
        get: {
          tags: ["notices"],
          summary: "A notice with every version, salts and log positions",
          parameters: [path("id", { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$" }, "HP-FIN-2026-002")],
          responses: responses("application/json", ref("Notice"), "notice", [404]),
        },
      },
      "/api/v1/notices/{id}/versions/{version}/attachments/{position}": {
        get: {
          tags: ["notices"],
          summary: "An attachment's bytes (always a download); X-Content-SHA256 is its hash",
          parameters: [path("id", { type: "string" }, "HP-FIN-2026-002"), path("version", nonNegative, "1"), path("position", nonNegative, "0")],
          responses: responses("application/octet-stream", { type: "string", format: "binary" }, "attachment", [400, 404]),
        },
      },
      "/api/v1/notices/{id}/versions/{version}/bundle": {
        get: {
          tags: ["proofs"],
          summary: "The proof bundle of one version (docs/proof-bundle.md), as a download; 409 while the version is pending",
          description:
            "The checkpoint is the newest one whose witness cosignatures meet the policy's quorum and that covers the version (unless `from` is beyond it), otherwise the newest checkpoint; " +
            "either way it carries every cosignature collected for it, and the inclusion proof is at its size.",
          parameters: [
            path("id", { type: "string" }, "HP-FIN-2026-002"),
            path("version", nonNegative, "1"),
            query("from", nonNegative, undefined, { description: "also carry a consistency proof from this earlier tree size" }),
          ],
          responses: { ...responses("application/json", { type: "object" }, "gongshi/proof-bundle/v1", [400, 404]), 409: errorResponse("The version is not in a checkpoint yet") },
        },
      },
      "/api/v1/notices/{id}/versions/{version}/tlog-proof": {
        get: {
          tags: ["proofs"],
          summary: "The same proof as c2sp.org/tlog-proof@v1 text, for the version's leaf bytes; its checkpoint carries the witnesses' cosignatures",
          parameters: [path("id", { type: "string" }, "HP-FIN-2026-002"), path("version", nonNegative, "1")],
          responses: { ...responses("text/plain", { type: "string" }, "c2sp.org/tlog-proof@v1", [400, 404]), 409: errorResponse("The version is not in a checkpoint yet") },
        },
      },
      "/api/v1/notices/{id}/bundle": {
        get: {
          tags: ["proofs"],
          summary: "Every committed version of a notice, gongshi/proof-bundles/v1",
          parameters: [path("id", { type: "string" }, "HP-FIN-2026-002"), query("from", nonNegative)],
          responses: responses("application/json", { type: "object" }, "gongshi/proof-bundles/v1", [400, 404]),
        },
      },
      "/api/v1/notices/{id}/proof": {
        get: {
          tags: ["proofs"],
          summary: "The journalist's bundle (its original path): the same file as /api/v1/notices/{id}/bundle",
          parameters: [path("id", { type: "string" }, "HP-FIN-2026-002"), query("from", nonNegative)],
          responses: responses("application/json", { type: "object" }, "gongshi/proof-bundles/v1", [400, 404]),
        },
      },
      "/api/v1/agencies/{id}/bundle": {
        get: {
          tags: ["proofs"],
          summary: "An agency's committed versions in log order, 100 per file; `next` names the following file",
          parameters: [path("id", { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,63}$" }, "hp-finance"), query("after", nonNegative)],
          responses: responses("application/json", { type: "object" }, "gongshi/proof-bundles/v1", [400, 404]),
        },
      },
      "/api/v1/agencies": {
        get: {
          tags: ["notices"],
          summary: "Every agency with its notice count",
          responses: responses(
            "application/json",
            { type: "object", required: ["agencies"], properties: { agencies: { type: "array", items: ref("AgencySummary") } } },
            "agencies",
            [400],
          ),
        },
      },
      "/api/v1/categories": {
        get: {
          tags: ["notices"],
          summary: "The category vocabulary: each category's slug (what a notice commits and `category=` filters take) and its labels in zh-CN and en",
          responses: responses(
            "application/json",
            {
              type: "object",
              required: ["categories"],
              properties: {
                categories: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["slug", "label"],
                    properties: {
                      slug: { type: "string" },
                      label: { type: "object", required: ["zh-CN", "en"], properties: { "zh-CN": { type: "string" }, en: { type: "string" } } },
                    },
                  },
                },
              },
            },
            "categories",
            [400],
          ),
        },
      },
      "/api/v1/mirror": {
        get: {
          tags: ["site"],
          summary:
            "A mirror's status: the origin it copies, how far it has verified the origin's log, whether it still follows it, and the evidence if it refused (only on a mirror; never cached)",
          responses: { ...responses("application/json", ref("MirrorStatus"), "mirror status", []), 404: errorResponse("This server is not a mirror") },
        },
      },
      "/api/v1/openapi.json": { get: { tags: ["site"], summary: "This document", responses: responses("application/json", { type: "object" }, "OpenAPI 3.1", []) } },
      "/feeds/notices.rss": feed("RSS 2.0", "application/rss+xml"),
      "/feeds/notices.atom": feed("Atom 1.0", "application/atom+xml"),
      "/feeds/notices.json": feed("JSON Feed 1.1", "application/feed+json"),
      "/sitemap.xml": { get: { tags: ["site"], summary: "Sitemap index", responses: responses("application/xml", null, "sitemap index", []) } },
      "/sitemaps/{file}": {
        get: {
          tags: ["site"],
          summary: "One sitemap file, as the index lists them",
          parameters: [path("file", { type: "string", pattern: "^(pages|notices-[0-9]+)\\.xml$" }, "pages.xml")],
          responses: responses("application/xml", null, "sitemap", [404]),
        },
      },
      "/robots.txt": { get: { tags: ["site"], summary: "Crawler rules", responses: responses("text/plain", null, "robots.txt", []) } },
    },
    components: { schemas, securitySchemes: { agencyToken: bearerSecurityScheme } },
  };
}
