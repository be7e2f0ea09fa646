/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the public API's bodies, mirroring the DTOs
 * in lib/log-service, lib/notices and lib/search. Plain data, so the document is one object.
 */
const hash = { type: "string", description: "SHA-256, standard base64 with padding", pattern: "^[A-Za-z0-9+/]{43}=$" } as const;
const hex = { type: "string", pattern: "^[0-9a-f]{64}$" } as const;
const index = { type: "integer", minimum: 0 } as const;
const dateTime = { type: "string", format: "date-time" } as const;
const nullable = <T extends object>(schema: T) => ({ oneOf: [schema, { type: "null" }] });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const schemas = {
  Error: {
    type: "object",
    required: ["error"],
    properties: {
      error: {
        type: "object",
        required: ["code", "message"],
        properties: {
          code: { type: "string", enum: ["bad-request", "unauthorized", "forbidden", "not-found", "conflict", "rate-limited", "internal-error", "unavailable"] },
          message: { type: "string" },
          problems: { type: "array", description: "For search, feed and export parameters: each rejected value.", items: ref("ParamProblem") },
        },
      },
    },
  },
  ParamProblem: {
    type: "object",
    required: ["param", "value", "message"],
    properties: { param: { type: "string" }, value: { type: "string", maxLength: 80 }, message: { type: "string" } },
  },
  LogInfo: {
    type: "object",
    required: ["origin", "verifierKey", "size", "rootHash", "checkpoint", "witnesses", "witnessed"],
    properties: {
      origin: { type: "string" },
      verifierKey: { type: "string" },
      size: index,
      rootHash: hash,
      checkpoint: { type: "string", description: "C2SP signed note of the newest checkpoint, with every witness cosignature collected for it after the log's signature" },
      witnesses: { type: "array", description: "The witnesses of the portal's witness policy (C2SP tlog-policy), in policy order; empty without a policy", items: ref("Witness") },
      witnessed: nullable({
        type: "object",
        description: "The newest checkpoint whose cosignatures meet the policy's quorum; null without a policy or before any checkpoint meets it",
        required: ["size", "checkpoint"],
        properties: { size: index, checkpoint: { type: "string", description: "C2SP signed note with the log's signature and the witnesses' cosignatures" } },
      }),
    },
  },
  Witness: {
    type: "object",
    required: ["name", "verifierKey", "url", "cosignedSize", "cosignedAt", "lastError", "lastErrorAt", "evidence"],
    properties: {
      name: { type: "string", description: "the policy's name for the witness" },
      verifierKey: { type: "string", description: "its verifier key as the policy gives it: a C2SP cosignature/v1 vkey (type 0x04) or an Ed25519 note vkey (0x01)" },
      url: nullable({ type: "string", description: "its tlog-witness submission prefix; null: listed but never contacted" }),
      cosignedSize: nullable({ ...index, description: "the largest checkpoint size it has cosigned for this log" }),
      cosignedAt: nullable({ ...dateTime, description: "the time in that cosignature" }),
      lastError: nullable({ type: "string", description: "what went wrong the last time it was asked; cleared when it cosigns" }),
      lastErrorAt: nullable(dateTime),
      evidence: { type: "boolean", description: "the last error is evidence of a fork or a misbehaving witness (recorded in the audit trail)" },
    },
  },
  LogEntry: {
    type: "object",
    required: ["index", "leaf", "leafHash"],
    properties: { index, leaf: { type: "string", contentEncoding: "base64", description: "exact leaf bytes (docs/log-format.md)" }, leafHash: hash },
  },
  InclusionProof: { type: "object", required: ["index", "size", "hashes"], properties: { index, size: index, hashes: { type: "array", items: hash } } },
  ConsistencyProof: { type: "object", required: ["from", "to", "hashes"], properties: { from: index, to: index, hashes: { type: "array", items: hash } } },
  Checkpoint: {
    type: "object",
    required: ["size", "rootHash", "note", "prevHash", "createdAt"],
    properties: { size: index, rootHash: hash, note: { type: "string" }, prevHash: nullable(hash), createdAt: dateTime },
  },
  ChainCheckpoint: {
    allOf: [ref("Checkpoint")],
    type: "object",
    required: ["cosignatures"],
    properties: {
      cosignatures: {
        type: "array",
        description: "cosignatures collected for this checkpoint, in the order collected (C2SP tlog-cosignature)",
        items: { type: "object", required: ["witness", "signature"], properties: { witness: { type: "string", description: "the cosigner's cosignature/v1 verifier key" }, signature: { type: "string", description: "the note signature line, without its newline" } } },
      },
    },
  },
  LogRecords: {
    type: "object",
    required: ["size", "records"],
    properties: {
      size: { ...index, description: "the latest checkpoint's size; records stop there" },
      records: {
        type: "array",
        items: {
          type: "object",
          required: ["index", "leaf"],
          properties: {
            index,
            leaf: { type: "string", contentEncoding: "base64", description: "exact leaf bytes (docs/log-format.md)" },
            version: {
              type: "object",
              description: "for a notice-version entry: what recomputes its commitments; withheld fields have neither value nor salt",
              required: ["notice", "version", "createdAt", "fields", "salts", "attachments", "redactions"],
              properties: {
                notice: { type: "string" },
                version: { type: "integer", minimum: 1 },
                createdAt: dateTime,
                fields: { type: "object", additionalProperties: { type: "string" } },
                salts: { type: "object", additionalProperties: { type: "string", contentEncoding: "base64" } },
                attachments: {
                  type: "array",
                  items: ref("VersionAttachment"),
                },
                redactions: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["withhold", "basis", "at", "logIndex"],
                    properties: { withhold: { type: "array", items: { type: "string" } }, basis: { type: "string" }, at: dateTime, logIndex: nullable(index) },
                  },
                },
              },
            },
            redaction: { type: "object", description: "for a redact entry", required: ["at"], properties: { at: dateTime } },
          },
        },
      },
    },
  },
  Agency: {
    type: "object",
    required: ["id", "nameZh", "nameEn"],
    properties: { id: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,63}$" }, nameZh: { type: "string" }, nameEn: { type: "string" } },
  },
  AgencySummary: {
    allOf: [ref("Agency")],
    type: "object",
    required: ["descriptionZh", "descriptionEn", "notices"],
    properties: { descriptionZh: { type: "string" }, descriptionEn: { type: "string" }, notices: index },
  },
  VersionAttachment: {
    type: "object",
    description: "an attachment of a notice version; a withheld file name is served as an empty name and salt",
    required: ["position", "fileName", "nameSalt", "mediaType", "sha256", "size", "url"],
    properties: { position: index, fileName: { type: "string" }, nameSalt: { type: "string" }, mediaType: { type: "string" }, sha256: hex, size: index, url: { type: "string" } },
  },
  NoticeVersion: {
    type: "object",
    required: ["version", "kind", "createdAt", "fields", "salts", "attachments", "status", "log", "withheld"],
    properties: {
      version: { type: "integer", minimum: 1 },
      kind: { type: "string", enum: ["publish", "amend", "correct", "retract"] },
      createdAt: dateTime,
      fields: {
        type: "object",
        additionalProperties: { type: "string" },
        description:
          "the version's fields as logged, withheld ones left out. An amend, correct or retract version also states why it was made: `reason` (one line) and, when given, `reasonDetail`; they belong to that version, not to the notice's content (docs/log-format.md, \"Reasons\"). Retractions logged before reasons were one line may have a multi-line `reason`",
      },
      salts: { type: "object", additionalProperties: { type: "string", contentEncoding: "base64" } },
      attachments: {
        type: "array",
        items: ref("VersionAttachment"),
      },
      status: { type: "string", enum: ["committed", "pending"] },
      log: nullable({
        type: "object",
        required: ["index", "leafHash", "loggedAt", "checkpointSize"],
        properties: {
          index,
          leafHash: hash,
          loggedAt: dateTime,
          checkpointSize: { type: "integer", minimum: 1, description: "size of the first signed checkpoint that covers this entry: what a citation names, and never changes" },
        },
      }),
      withheld: {
        type: "array",
        items: { type: "object", required: ["path", "basis", "at", "logIndex"], properties: { path: { type: "string" }, basis: { type: "string" }, at: dateTime, logIndex: nullable(index) } },
      },
    },
  },
  Notice: {
    type: "object",
    required: ["id", "agency", "versions", "checkpoint"],
    properties: {
      id: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$" },
      agency: ref("Agency"),
      versions: { type: "array", items: ref("NoticeVersion") },
      checkpoint: nullable({ type: "object", required: ["size", "createdAt"], properties: { size: index, createdAt: dateTime } }),
    },
  },
  SearchHit: {
    type: "object",
    required: ["id", "title", "number", "language", "category", "agency", "status", "withheld", "version", "kind", "publishedAt", "updatedAt", "effectiveDate", "logIndex", "snippet"],
    properties: {
      id: { type: "string" },
      title: { type: "string" },
      number: nullable({ type: "string" }),
      language: nullable({ type: "string" }),
      category: nullable({ type: "string" }),
      agency: ref("Agency"),
      status: { type: "string", enum: ["in-force", "amended", "corrected", "retracted"] },
      withheld: { type: "boolean" },
      version: { type: "integer", minimum: 1 },
      kind: { type: "string" },
      publishedAt: dateTime,
      updatedAt: dateTime,
      effectiveDate: nullable({ type: "string" }),
      logIndex: nullable(index),
      snippet: nullable({
        type: "object",
        required: ["text", "highlights"],
        properties: { text: { type: "string" }, highlights: { type: "array", items: { type: "array", items: index, minItems: 2, maxItems: 2 } } },
      }),
    },
  },
  FacetCount: { type: "object", required: ["value", "count"], properties: { value: { type: "string" }, count: index } },
  SearchResult: {
    type: "object",
    required: ["total", "page", "pageSize", "pageCount", "hits", "facets", "exact"],
    properties: {
      total: index,
      page: { type: "integer", minimum: 1 },
      pageSize: { type: "integer" },
      pageCount: index,
      hits: { type: "array", items: ref("SearchHit") },
      facets: {
        type: "object",
        required: ["agency", "category", "status", "language"],
        properties: {
          agency: { type: "array", items: { allOf: [ref("Agency")], type: "object", required: ["count"], properties: { count: index } } },
          category: { type: "array", items: ref("FacetCount") },
          status: { type: "array", items: ref("FacetCount") },
          language: { type: "array", items: ref("FacetCount") },
        },
      },
      exact: {
        type: "array",
        items: {
          type: "object",
          required: ["kind", "version", "logIndex", "attachmentPosition", "notice"],
          properties: {
            kind: { type: "string", enum: ["notice-id", "number", "log-index", "leaf-hash", "attachment-sha256"] },
            version: { type: "integer" },
            logIndex: nullable(index),
            attachmentPosition: nullable(index),
            notice: ref("SearchHit"),
          },
        },
      },
    },
  },
  JsonFeed: {
    type: "object",
    description: "JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)",
    required: ["version", "title", "items"],
    properties: { version: { const: "https://jsonfeed.org/version/1.1" }, title: { type: "string" }, items: { type: "array", items: { type: "object" } } },
  },
  MirrorStatus: {
    type: "object",
    description: "A mirror's status (lib/mirror/get-mirror-info.ts, docs/mirrors.md)",
    required: ["origin", "logOrigin", "size", "verifiedAt", "state", "evidence", "originSize", "lastError", "lastAttemptAt", "changedAt"],
    properties: {
      origin: { type: "string", description: "the origin's URL (MIRROR_OF)" },
      logOrigin: nullable({ type: "string", description: "the origin's checkpoint origin line, once a checkpoint was verified" }),
      size: { ...index, description: "size of the newest checkpoint the mirror holds with everything it covers; 0 before the first sync" },
      verifiedAt: nullable({ ...dateTime, description: "when it last verified that it holds the origin's newest checkpoint" }),
      state: {
        type: "string",
        enum: ["following", "behind", "refused"],
        description: "following: a verified copy up to the origin's newest checkpoint; behind: the last attempt did not finish (origin unreachable, copy under way, or no sync yet); refused: the origin served something inconsistent with its signed log and the mirror stopped following",
      },
      evidence: nullable(ref("MirrorEvidence")),
      originSize: nullable({ ...index, description: "the newest checkpoint size the origin served, verified or not" }),
      lastError: nullable({ type: "string" }),
      lastAttemptAt: nullable(dateTime),
      changedAt: nullable({ ...dateTime, description: "when the state or the verified size last changed; null before the first sync" }),
    },
  },
  MirrorEvidence: {
    type: "object",
    description: "Why a mirror refused its origin",
    required: ["kind", "message", "at"],
    properties: {
      kind: { type: "string", description: "fork | rollback | bad-signature | bad-chain | bad-leaf | bad-content | bad-attachment | bad-cosignature" },
      message: { type: "string" },
      at: dateTime,
      held: nullable({ type: "object", description: "the newest checkpoint the mirror held and verified", required: ["size", "note"], properties: { size: index, note: { type: "string" } } }),
      served: nullable({ type: "object", description: "the checkpoint the origin served that the mirror refused", required: ["size", "note"], properties: { size: index, note: { type: "string" } } }),
      proof: nullable({
        type: "object",
        description: "the origin's consistency proof between the two, and whether it verified",
        required: ["from", "to", "hashes", "verified"],
        properties: { from: index, to: index, hashes: { type: "array", items: { type: "string" } }, verified: { type: "boolean" } },
      }),
      entry: nullable({
        type: "object",
        description: "the entry, notice version, field or file whose bytes did not match",
        required: ["index"],
        properties: {
          index,
          notice: { type: "string" },
          version: { type: "integer", minimum: 1 },
          field: { type: "string" },
          file: { type: "string" },
          expected: { type: "string" },
          got: { type: "string" },
        },
      }),
    },
  },
} as const;
