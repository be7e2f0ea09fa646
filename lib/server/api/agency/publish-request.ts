/**
 * The body of `POST /api/v1/notices`, read from the wire with hard limits. Pure of the
 * database; the size limit is passed in (lib/server/publishing/attachment-limit.ts reads it).
 *
 * Two encodings of one request:
 * - application/json: `{ agencyId?, translationOf?, fields, attachments?: [{ fileName, mediaType?, contentBase64 }] }`
 * - multipart/form-data: a `notice` part holding that JSON without `attachments`, and one
 *   `attachment` file part per file (its file name and type come from the part's headers).
 * Unknown members and parts are refused (400), so a typo is an error rather than a field
 * silently dropped. The fields themselves are validated by the publishing service.
 */
import { z } from "zod";
import { ApiError } from "@/lib/server/api/errors";

export interface ApiAttachment {
  fileName: string;
  content: Uint8Array;
  declaredType?: string;
}

export interface ApiPublishRequest {
  agencyId?: string;
  /** The id of a published notice this one translates (publish-from-api.ts links them). */
  translationOf?: string;
  fields: unknown;
  attachments: ApiAttachment[];
}

/** At most this many files in one API request (each up to the attachment size limit). */
export const API_MAX_ATTACHMENTS = 10;
/** Room for the JSON around the files: the longest body (200,000 characters) is < 1 MiB of UTF-8. */
const ENVELOPE_BYTES = 1024 * 1024;

/** The largest body accepted: every file at the limit, base64-encoded (4/3), plus the JSON. */
export function bodyLimit(maxAttachmentBytes: number): number {
  return Math.ceil(maxAttachmentBytes / 3) * 4 * API_MAX_ATTACHMENTS + ENVELOPE_BYTES;
}

/**
 * Standard base64 with padding, checked without a repeated group: V8 runs a pattern like
 * (?:[…]{4})* recursively and overflows its stack on a file of a few MiB, answering 500.
 */
const isPaddedBase64 = (s: string) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);

const attachmentSchema = z
  .object({
    fileName: z.string().min(1, "required").max(1000, "at most 1000 characters"),
    mediaType: z.string().max(200, "at most 200 characters").optional(),
    contentBase64: z.string().refine(isPaddedBase64, "must be standard base64 with padding"),
  })
  .strict();

const envelope = z
  .object({
    agencyId: z.string().max(64, "at most 64 characters").optional(),
    translationOf: z.string().max(100, "at most 100 characters").optional(),
    fields: z.record(z.string(), z.unknown(), { error: "required: an object of notice fields" }),
    attachments: z.array(attachmentSchema).max(API_MAX_ATTACHMENTS, `at most ${API_MAX_ATTACHMENTS} attachments`).optional(),
  })
  .strict();

const tooLarge = (limit: number) => new ApiError("payload-too-large", `the request is larger than ${limit} bytes; each attachment may be at most the attachment size limit`);

/** The body's bytes, refusing (413) as soon as it is known to be over `limit` — before reading it all. */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function problemsOf(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const at = i.path.length ? i.path.join(".") : "body";
      return i.code === "unrecognized_keys" ? `${at}: unknown field ${i.keys.map((k) => `"${k}"`).join(", ")}` : `${at}: ${i.message}`;
    })
    .join("; ");
}

/**
 * How deeply the request's JSON may nest. A valid request is three levels deep (body, fields or
 * attachments, an attachment); JSON.parse reads any depth, but hashing the request for its
 * Idempotency-Key (canonical JSON) and zod recurse, and a body of 100,000 nested arrays
 * overflowed the stack there, answering 500.
 */
export const MAX_JSON_DEPTH = 8;

/** Whether `value` nests deeper than `max` arrays or objects, walked without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (next === null || typeof next !== "object") continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(next)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

function parseEnvelope(text: string, allowAttachments: boolean): z.infer<typeof envelope> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("bad-request", "the body is not valid JSON");
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw new ApiError("bad-request", `the body nests arrays and objects more than ${MAX_JSON_DEPTH} levels deep`);
  const parsed = envelope.safeParse(value);
  if (!parsed.success) throw new ApiError("bad-request", problemsOf(parsed.error));
  if (!allowAttachments && parsed.data.attachments) throw new ApiError("bad-request", 'attachments: send files as multipart "attachment" parts, not in the notice part');
  return parsed.data;
}

function checkSize(attachments: ApiAttachment[], maxBytes: number): ApiAttachment[] {
  attachments.forEach((a, i) => {
    if (a.content.length > maxBytes) throw new ApiError("payload-too-large", `attachments.${i}: larger than the limit of ${maxBytes} bytes per attachment`);
  });
  return attachments;
}

export async function parsePublishRequest(contentType: string, body: Uint8Array, maxBytes: number): Promise<ApiPublishRequest> {
  const kind = contentType.split(";")[0]!.trim().toLowerCase();
  if (kind === "application/json") {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      throw new ApiError("bad-request", "the body is not UTF-8");
    }
    const { attachments = [], ...rest } = parseEnvelope(text, true);
    const files = attachments.map((a) => ({
      fileName: a.fileName,
      content: new Uint8Array(Buffer.from(a.contentBase64, "base64")),
      ...(a.mediaType ? { declaredType: a.mediaType } : {}),
    }));
    return { ...rest, attachments: checkSize(files, maxBytes) };
  }
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new ApiError("bad-request", "the body is not valid multipart/form-data");
  }
  const notice = form.getAll("notice");
  if (notice.length !== 1 || typeof notice[0] !== "string") throw new ApiError("bad-request", "notice: exactly one part holding the notice JSON is required");
  const unknown = [...new Set([...form.keys()].filter((name) => name !== "notice" && name !== "attachment"))];
  if (unknown.length) throw new ApiError("bad-request", `unknown part ${unknown.map((n) => `"${n}"`).join(", ")} (expected "notice" and "attachment")`);
  const parts = form.getAll("attachment");
  if (parts.length > API_MAX_ATTACHMENTS) throw new ApiError("bad-request", `attachment: at most ${API_MAX_ATTACHMENTS} attachments`);
  const files: ApiAttachment[] = [];
  for (const [i, part] of parts.entries()) {
    if (typeof part === "string") throw new ApiError("bad-request", `attachments.${i}: must be a file part (with a filename)`);
    files.push({ fileName: part.name, content: new Uint8Array(await part.arrayBuffer()), ...(part.type ? { declaredType: part.type } : {}) });
  }
  return { ...parseEnvelope(notice[0], false), attachments: checkSize(files, maxBytes) };
}
