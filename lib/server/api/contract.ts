/**
 * The public API's JSON, written once as zod schemas: the error body (its codes and their
 * statuses are lib/server/api/error-codes.ts's) and every body the API answers with. The services'
 * DTO types are inferred from them, the browser verifier (lib/browser/verify/fetch-version-proof.ts)
 * reads notices by these types, and the OpenAPI document's component schemas are generated from
 * them (lib/server/api/openapi/schemas.ts). Browser code imports this module (types only, so far): it may
 * import nothing but zod, plain constants and the pure lib/shared/search/search-params.ts.
 */
import { z } from "zod";
import { STATUSES } from "@/lib/shared/search/search-params";
import { ERROR_STATUS, type ErrorCode } from "./error-codes";

export { ERROR_STATUS, type ErrorCode };

export const errorCodeSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

const hash = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/)
  .meta({ description: "SHA-256, standard base64 with padding" });
const hex = z.string().regex(/^[0-9a-f]{64}$/);
const index = z.int().min(0);
const versionNumber = z.int().min(1);
const dateTime = z.iso.datetime();
const base64 = z.string().meta({ contentEncoding: "base64" });
const agencyId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const noticeId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
const stringMap = z.record(z.string(), z.string());
const base64Map = z.record(z.string(), base64);

export const paramProblemSchema = z.object({ param: z.string(), value: z.string().max(80), message: z.string() });

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    problems: z.array(paramProblemSchema).optional().meta({ description: "For search, feed and export parameters: each rejected value." }),
  }),
});

export const witnessSchema = z.object({
  name: z.string().meta({ description: "the policy's name for the witness" }),
  verifierKey: z.string().meta({ description: "its verifier key as the policy gives it: a C2SP cosignature/v1 vkey (type 0x04) or an Ed25519 note vkey (0x01)" }),
  url: z.string().nullable().meta({ description: "its tlog-witness submission prefix; null: listed but never contacted" }),
  cosignedSize: index.nullable().meta({ description: "the largest checkpoint size it has cosigned for this log" }),
  cosignedAt: dateTime.nullable().meta({ description: "the time in that cosignature" }),
  lastError: z.string().nullable().meta({ description: "what went wrong the last time it was asked; cleared when it cosigns" }),
  lastErrorAt: dateTime.nullable(),
  evidence: z.boolean().meta({ description: "the last error is evidence of a fork or a misbehaving witness (recorded in the audit trail)" }),
});

export const logInfoSchema = z.object({
  origin: z.string(),
  verifierKey: z.string(),
  size: index,
  rootHash: hash,
  checkpoint: z.string().meta({ description: "C2SP signed note of the newest checkpoint, with every witness cosignature collected for it after the log's signature" }),
  witnesses: z.array(witnessSchema).meta({ description: "The witnesses of the portal's witness policy (C2SP tlog-policy), in policy order; empty without a policy" }),
  witnessed: z
    .object({ size: index, checkpoint: z.string().meta({ description: "C2SP signed note with the log's signature and the witnesses' cosignatures" }) })
    .nullable()
    .meta({ description: "The newest checkpoint whose cosignatures meet the policy's quorum; null without a policy or before any checkpoint meets it" }),
});

const leaf = base64.meta({ description: "exact leaf bytes (docs/log-format.md)" });

export const logEntrySchema = z.object({ index, leaf, leafHash: hash });
export const inclusionProofSchema = z.object({ index, size: index, hashes: z.array(hash) });
export const consistencyProofSchema = z.object({ from: index, to: index, hashes: z.array(hash) });

export const checkpointSchema = z.object({ size: index, rootHash: hash, note: z.string(), prevHash: hash.nullable(), createdAt: dateTime });

const cosignatureSchema = z.object({
  witness: z.string().meta({ description: "the cosigner's cosignature/v1 verifier key" }),
  signature: z.string().meta({ description: "the note signature line, without its newline" }),
});

export const chainCheckpointSchema = checkpointSchema.extend({
  cosignatures: z.array(cosignatureSchema).meta({ description: "cosignatures collected for this checkpoint, in the order collected (C2SP tlog-cosignature)" }),
});

export const versionAttachmentSchema = z
  .object({ position: index, fileName: z.string(), nameSalt: z.string(), mediaType: z.string(), sha256: hex, size: index, url: z.string() })
  .meta({ description: "an attachment of a notice version; a withheld file name is served as an empty name and salt" });

const recordRedactionSchema = z.object({
  withhold: z.array(z.string()),
  basis: z.string(),
  at: dateTime,
  logIndex: index.nullable().meta({ description: "the redact entry that logs it; null while it waits for the committer" }),
});

const logRecordSchema = z.object({
  index,
  leaf,
  version: z
    .object({
      notice: z.string(),
      version: versionNumber,
      createdAt: dateTime,
      fields: stringMap,
      salts: base64Map,
      attachments: z.array(versionAttachmentSchema),
      redactions: z.array(recordRedactionSchema),
    })
    .optional()
    .meta({ description: "for a notice-version entry: what recomputes its commitments; withheld fields have neither value nor salt" }),
  redaction: z.object({ at: dateTime }).optional().meta({ description: "for a redact entry" }),
});

export const logRecordsSchema = z.object({
  size: index.meta({ description: "the latest checkpoint's size; records stop there" }),
  records: z.array(logRecordSchema),
});

export const agencySchema = z.object({ id: agencyId, nameZh: z.string(), nameEn: z.string() });

export const agencySummarySchema = agencySchema.extend({ descriptionZh: z.string(), descriptionEn: z.string(), notices: index });

export const NOTICE_VERSION_KINDS = ["publish", "amend", "correct", "retract"] as const;

export const withheldFieldSchema = z.object({ path: z.string(), basis: z.string(), at: dateTime, logIndex: index.nullable() });

export const noticeVersionSchema = z.object({
  version: versionNumber,
  kind: z.enum(NOTICE_VERSION_KINDS),
  createdAt: dateTime,
  fields: stringMap.meta({
    description:
      "the version's fields as logged, withheld ones left out. An amend, correct or retract version also states why it was made: `reason` (one line) and, when given, `reasonDetail`; they belong to that version, not to the notice's content (docs/log-format.md, \"Reasons\"). Retractions logged before reasons were one line may have a multi-line `reason`",
  }),
  salts: base64Map,
  attachments: z.array(versionAttachmentSchema),
  status: z.enum(["committed", "pending"]),
  /**
   * checkpointSize: the first signed checkpoint that covered the entry. A citation names it rather
   * than the latest checkpoint, so the citation (and the page) stays the same as the log grows;
   * any later checkpoint is proven consistent with it.
   */
  log: z
    .object({
      index,
      leafHash: hash,
      loggedAt: dateTime,
      checkpointSize: z.int().min(1).meta({ description: "size of the first signed checkpoint that covers this entry: what a citation names, and never changes" }),
    })
    .nullable(),
  /**
   * Commitment paths of this version withheld by a `redact` log entry (docs/log-format.md):
   * their values and salts are no longer served; the basis is shown in their place.
   */
  withheld: z.array(withheldFieldSchema),
});

export const noticeSchema = z.object({
  id: noticeId,
  agency: agencySchema,
  versions: z.array(noticeVersionSchema),
  /** The latest signed checkpoint when this was read (the log's head; a citation names `log.checkpointSize` instead). */
  checkpoint: z.object({ size: index, createdAt: dateTime }).nullable(),
});

export const SEARCH_STATUSES = ["in-force", "amended", "corrected", "retracted"] as const;

export const searchHitSchema = z.object({
  id: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  language: z.string().nullable(),
  category: z.string().nullable(),
  agency: agencySchema,
  status: z.enum(SEARCH_STATUSES),
  withheld: z.boolean(),
  version: versionNumber,
  kind: z.string(),
  publishedAt: dateTime,
  updatedAt: dateTime,
  effectiveDate: z.string().nullable(),
  /** Log index of the latest version; null while it is pending. */
  logIndex: index.nullable(),
  /** Text around the first match (only when searching), with the half-open [start, end) UTF-16 ranges that matched. */
  snippet: z.object({ text: z.string(), highlights: z.array(z.tuple([index, index])) }).nullable(),
});

export const facetCountSchema = z.object({ value: z.string(), count: index });

export const EXACT_MATCH_KINDS = ["notice-id", "number", "log-index", "leaf-hash", "attachment-sha256"] as const;

const exactMatchSchema = z.object({
  kind: z.enum(EXACT_MATCH_KINDS),
  version: z.int().meta({ description: "the notice version the identifier names (for a number: the notice's latest version)" }),
  logIndex: index.nullable().meta({ description: "log index of that version; null while pending" }),
  attachmentPosition: index.nullable().meta({ description: "for attachment-sha256: the attachment's position in that version" }),
  /** The notice's current list row. */
  notice: searchHitSchema,
});

export const searchResultSchema = z.object({
  total: index,
  page: z.int().min(1),
  pageSize: z.int(),
  pageCount: index,
  hits: z.array(searchHitSchema),
  facets: z.object({
    agency: z.array(agencySchema.extend({ count: index })),
    category: z.array(facetCountSchema),
    status: z.array(facetCountSchema.extend({ value: z.enum(STATUSES) })),
    language: z.array(facetCountSchema),
  }),
  exact: z.array(exactMatchSchema).meta({ description: "Notices the query names exactly (id, number, log index, leaf hash, attachment SHA-256)" }),
});

export const jsonFeedSchema = z
  .object({ version: z.literal("https://jsonfeed.org/version/1.1"), title: z.string(), items: z.array(z.looseObject({})) })
  .meta({ description: "JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/)" });

const signedCheckpoint = z.object({ size: index, note: z.string() });

export const mirrorEvidenceSchema = z
  .object({
    kind: z.string().meta({
      description:
        "fork | rollback | bad-signature | bad-root | bad-chain | bad-leaf | bad-content | bad-attachment (a relayed cosignature that does not verify is skipped, never a refusal)",
    }),
    message: z.string().meta({ description: "one sentence naming what failed, in English (the operator's and the API's language)" }),
    at: dateTime,
    held: signedCheckpoint.nullable().optional().meta({ description: "the newest checkpoint the mirror held and verified" }),
    served: signedCheckpoint.nullable().optional().meta({ description: "the checkpoint the origin served that the mirror refused" }),
    proof: z
      .object({ from: index, to: index, hashes: z.array(z.string()), verified: z.boolean() })
      .nullable()
      .optional()
      .meta({ description: "the origin's consistency proof between the two, and whether it verified" }),
    entry: z
      .object({
        index,
        notice: z.string().optional(),
        version: versionNumber.optional(),
        field: z.string().optional(),
        file: z.string().optional(),
        expected: z.string().optional(),
        got: z.string().optional(),
      })
      .nullable()
      .optional()
      .meta({ description: "the entry, notice version, field or file whose bytes did not match" }),
  })
  .meta({ description: "Why a mirror refused its origin" });

export const mirrorStatusSchema = z
  .object({
    origin: z.string().meta({ description: "the origin's URL (MIRROR_OF)" }),
    logOrigin: z.string().nullable().meta({ description: "the origin's checkpoint origin line, once a checkpoint was verified" }),
    size: index.meta({ description: "size of the newest checkpoint the mirror holds with everything it covers; 0 before the first sync" }),
    verifiedAt: dateTime.nullable().meta({ description: "when it last verified that it holds the origin's newest checkpoint" }),
    state: z.enum(["following", "behind", "refused"]).meta({
      description:
        "following: a verified copy up to the origin's newest checkpoint; behind: the last attempt did not finish (origin unreachable, copy under way, or no sync yet); refused: the origin served something inconsistent with its signed log and the mirror stopped following",
    }),
    evidence: mirrorEvidenceSchema.nullable(),
    originSize: index.nullable().meta({ description: "the newest checkpoint size the origin served, verified or not" }),
    lastError: z.string().nullable(),
    lastAttemptAt: dateTime.nullable(),
    changedAt: dateTime.nullable().meta({ description: "when the state or the verified size last changed; null before the first sync" }),
  })
  .meta({ description: "A mirror's status (lib/server/mirror/get-mirror-info.ts, docs/mirrors.md)" });

/** `GET /api/v1/drafts/{id}`: where a notice an agency system submitted for review stands. */
export const SUBMITTED_DRAFT_STATES = ["editing", "submitted", "returned", "approved", "scheduled", "published"] as const;

export const REVIEW_ACTIONS = ["submit", "withdraw", "return", "approve"] as const;

export const submittedDraftSchema = z.object({
  draft: z.uuid(),
  state: z.enum(SUBMITTED_DRAFT_STATES),
  submittedAt: dateTime.nullable(),
  reviewedAt: dateTime.nullable(),
  publishAt: dateTime.nullable().meta({ description: "when a scheduled draft will be published" }),
  notice: z.object({ id: z.string(), version: z.int(), links: z.object({ notice: z.string(), api: z.string() }) }).nullable(),
  reviews: z.array(z.object({ action: z.enum(REVIEW_ACTIONS), at: dateTime, comment: z.string() })),
});

/** `POST /api/v1/notices`, 201: the notice published, or the draft submitted for review in its place. */
export const publishedAnswerSchema = z.object({
  id: z.string(),
  version: z.literal(1),
  state: z.literal("published"),
  status: z.literal("pending"),
  links: z.object({ notice: z.string(), api: z.string(), bundle: z.string() }),
});

export const submittedAnswerSchema = z.object({
  draft: z.uuid(),
  state: z.literal("submitted"),
  submittedAt: dateTime,
  links: z.object({ api: z.string().meta({ description: "GET /api/v1/drafts/{id}" }) }),
});

/**
 * The OpenAPI document's component schemas, by name (lib/server/api/openapi/schemas.ts): where one of these
 * appears inside another, the document refers to it by name.
 */
export const API_SCHEMAS = {
  ParamProblem: paramProblemSchema,
  Error: errorBodySchema,
  Witness: witnessSchema,
  LogInfo: logInfoSchema,
  LogEntry: logEntrySchema,
  InclusionProof: inclusionProofSchema,
  ConsistencyProof: consistencyProofSchema,
  Checkpoint: checkpointSchema,
  ChainCheckpoint: chainCheckpointSchema,
  VersionAttachment: versionAttachmentSchema,
  LogRecords: logRecordsSchema,
  Agency: agencySchema,
  AgencySummary: agencySummarySchema,
  NoticeVersion: noticeVersionSchema,
  Notice: noticeSchema,
  SearchHit: searchHitSchema,
  FacetCount: facetCountSchema,
  SearchResult: searchResultSchema,
  JsonFeed: jsonFeedSchema,
  MirrorEvidence: mirrorEvidenceSchema,
  MirrorStatus: mirrorStatusSchema,
  SubmittedDraft: submittedDraftSchema,
  PublishedNotice: publishedAnswerSchema,
  SubmittedForReview: submittedAnswerSchema,
} as const;

export type ParamProblem = z.infer<typeof paramProblemSchema>;
export type NoticeVersionKind = (typeof NOTICE_VERSION_KINDS)[number];
export type NoticeVersionDto = z.infer<typeof noticeVersionSchema>;
export type NoticeDto = z.infer<typeof noticeSchema>;
export type SubmittedDraftState = (typeof SUBMITTED_DRAFT_STATES)[number];
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];
export type SubmittedDraftDto = z.infer<typeof submittedDraftSchema>;

// The services' DTOs: each is its schema's type, so a service that returns anything else does not compile.
export type WitnessInfo = z.infer<typeof witnessSchema>;
export type LogInfo = z.infer<typeof logInfoSchema>;
export type LogEntryDto = z.infer<typeof logEntrySchema>;
export type InclusionProofDto = z.infer<typeof inclusionProofSchema>;
export type ConsistencyProofDto = z.infer<typeof consistencyProofSchema>;
export type CheckpointDto = z.infer<typeof checkpointSchema>;
export type ChainCheckpointDto = z.infer<typeof chainCheckpointSchema>;
export type LogRecordDto = z.infer<typeof logRecordSchema>;
export type LogRecordsDto = z.infer<typeof logRecordsSchema>;
export type AgencySummary = z.infer<typeof agencySummarySchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type Snippet = NonNullable<SearchHit["snippet"]>;
export type SearchStatus = SearchHit["status"];
export type FacetCount = z.infer<typeof facetCountSchema>;
export type ExactMatchKind = (typeof EXACT_MATCH_KINDS)[number];
export type ExactMatch = z.infer<typeof exactMatchSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type MirrorEvidence = z.infer<typeof mirrorEvidenceSchema>;
export type MirrorInfo = z.infer<typeof mirrorStatusSchema>;
export type MirrorState = MirrorInfo["state"];
