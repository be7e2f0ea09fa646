/**
 * `POST /api/v1/notices` in the OpenAPI document: the agency API (README, "Publishing from an
 * agency system"). Kept apart from document.ts, whose GETs the e2e suite calls with examples.
 */
import { FIELD_LIMITS, NOTICE_LANGUAGES } from "@/lib/shared/publishing/notice-fields";
import { API_MAX_ATTACHMENTS } from "@/lib/server/api/agency/publish-request";

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string): Json => ({ description, content: { "application/json": { schema: ref("Error") } } });

const noticeFields: Json = {
  type: "object",
  additionalProperties: false,
  description:
    "the notice's content; a new notice states no reason (`reason`, `reasonDetail` are for amendments, corrections and retractions, made in the admin pages), so either here is a 400 unknown field",
  required: ["title", "category", "language", "effectiveDate", "body"],
  properties: {
    title: { type: "string", maxLength: FIELD_LIMITS.title, description: "one line" },
    number: { type: "string", maxLength: FIELD_LIMITS.number, description: "the agency's document number (发文字号), optional" },
    category: {
      type: "string",
      maxLength: FIELD_LIMITS.category,
      description:
        "a slug of the category vocabulary (GET /api/v1/categories; a label in either language is taken as its slug); the slug is what the log records; anything else is a 400",
    },
    language: { type: "string", enum: [...NOTICE_LANGUAGES] },
    effectiveDate: { type: "string", format: "date", description: "YYYY-MM-DD" },
    body: { type: "string", maxLength: FIELD_LIMITS.body, description: "Markdown" },
  },
};

const envelope = (withAttachments: boolean): Json => ({
  type: "object",
  additionalProperties: false,
  required: ["fields"],
  properties: {
    agencyId: { type: "string", description: "defaults to the token's agency; any other agency is 403" },
    translationOf: {
      type: "string",
      maxLength: 100,
      description:
        "optional: the id of a published notice of the token's agency that this notice translates (in the other language); the link is recorded with the publication and both public pages link each other. Malformed 400, unknown 404, another agency's 403, no translation pair (same language, or the original already has one in this language) 400/409; nothing is published then",
    },
    fields: noticeFields,
    ...(withAttachments
      ? {
          attachments: {
            type: "array",
            maxItems: API_MAX_ATTACHMENTS,
            items: {
              type: "object",
              additionalProperties: false,
              required: ["fileName", "contentBase64"],
              properties: {
                fileName: { type: "string", description: "sanitized; its extension must match the content (PDF, images, office documents, CSV, text)" },
                mediaType: { type: "string", description: "informative; the content decides" },
                contentBase64: { type: "string", contentEncoding: "base64" },
              },
            },
          },
        }
      : {}),
  },
});

export const bearerSecurityScheme: Json = {
  type: "http",
  scheme: "bearer",
  description: "An agency API token (gst_…), created by an administrator at /{locale}/admin/tokens; it publishes for its one agency.",
};

export const publishNoticeOperation: Json = {
  tags: ["publishing"],
  summary: "Publish a new notice as an agency system (version 1, pending until the log sequences it)",
  description:
    "A retry with the same Idempotency-Key and the same request returns the first answer (header Idempotent-Replayed: true) and publishes nothing more. " +
    "Poll GET /api/v1/notices/{id} until versions[0].status is committed and versions[0].log.index is set. " +
    "Browsers calling from another origin are refused (Origin check).",
  security: [{ agencyToken: [] }],
  parameters: [
    {
      name: "Idempotency-Key",
      in: "header",
      required: true,
      schema: { type: "string", minLength: 1, maxLength: 200, pattern: "^[\\x20-\\x7E]+$" },
      description: "unique per request, e.g. a UUID; scoped to the token",
      example: "2f1c7a52-4a4e-4d8e-9a53-2b1b3a7f0c11",
    },
  ],
  requestBody: {
    required: true,
    content: {
      "application/json": { schema: envelope(true) },
      "multipart/form-data": {
        schema: {
          type: "object",
          required: ["notice"],
          properties: {
            notice: { ...envelope(false), description: "the notice as JSON (as for application/json, without attachments)" },
            attachment: { type: "array", maxItems: API_MAX_ATTACHMENTS, items: { type: "string", format: "binary" }, description: "one part per file" },
          },
        },
        encoding: { notice: { contentType: "application/json" } },
      },
    },
  },
  responses: {
    201: {
      description:
        "Published — or, in an agency that requires review and with a token without the right to publish directly, submitted for review as a draft (state submitted; follow it at links.api). With Idempotent-Replayed: true, the stored answer of the first request with this key.",
      headers: { Location: { description: "the notice, or the submitted draft, in the API", schema: { type: "string" } } },
      content: { "application/json": { schema: { oneOf: [ref("PublishedNotice"), ref("SubmittedForReview")] } } },
    },
    400: error("Missing Idempotency-Key, malformed JSON or multipart, an unknown member, a field or attachment that fails validation (the message names it)"),
    401: error("No token, or an unknown or revoked one (with WWW-Authenticate: Bearer)"),
    403: error("The token's agency is not the agencyId, or is not the agency of the translationOf notice, or a browser request from another origin"),
    404: error("translationOf names no notice"),
    409: error("The Idempotency-Key was already used with a different request, or the translationOf notice already has a translation in this language"),
    413: error("The body or an attachment is larger than the limit"),
    415: error("Content-Type is neither application/json nor multipart/form-data"),
    500: error("Unexpected server error (never caused by input)"),
  },
};

/** `GET /api/v1/drafts/{id}`: where a notice an agency system submitted for review stands. */
export const submittedDraftOperation = {
  tags: ["publishing"],
  summary:
    "A draft an agency system submitted for review: its state (submitted, returned, approved, scheduled, published), the reviewers' comments, and the published notice once there is one",
  security: [{ agencyToken: [] }],
  parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" }, example: "3f2b8c1e-7d4a-4e5b-9c6d-1a2b3c4d5e6f" }],
  responses: {
    200: { description: "the draft", content: { "application/json": { schema: ref("SubmittedDraft") } } },
    401: error("No token, or an unknown or revoked one (with WWW-Authenticate: Bearer)"),
    404: error("No draft with this id in the token's agency"),
    500: error("Unexpected server error (never caused by input)"),
  },
};
