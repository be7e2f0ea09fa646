/**
 * The shapes of what a mirror reads from its origin's public JSON API, checked before use: an
 * origin (or whatever answers at its address) may send anything. Bounds keep a hostile answer
 * from costing more than a well-formed one.
 */
import { z } from "zod";

const index = z
  .number()
  .int()
  .min(0)
  .max(2 ** 52);
const text = (max: number) => z.string().max(max);

export const originRecordSchema = z.object({
  index,
  leaf: text(100_000),
  version: z
    .object({
      notice: text(64),
      version: z.number().int().min(1).max(1_000_000),
      createdAt: text(40),
      fields: z.record(text(32), text(1_000_000)),
      salts: z.record(text(32), text(100)),
      attachments: z
        .array(
          z.object({
            position: index,
            fileName: text(1000),
            nameSalt: text(100),
            mediaType: text(200),
            sha256: text(64),
            size: index,
          }),
        )
        .max(100),
      redactions: z.array(z.object({ withhold: z.array(text(64)).max(200), basis: text(2000), at: text(40), logIndex: index.nullable() })).max(1000),
    })
    .optional(),
  redaction: z.object({ at: text(40) }).optional(),
});

export type OriginRecord = z.infer<typeof originRecordSchema>;

export const originRecordsSchema = z.object({ size: index, records: z.array(originRecordSchema).max(256) });

export const originCheckpointSchema = z.object({
  size: index,
  note: text(64 * 1024),
  prevHash: text(100).nullable(),
  createdAt: text(40),
  cosignatures: z
    .array(z.object({ witness: text(500), signature: text(1000) }))
    .max(100)
    .default([]),
});

export type OriginCheckpoint = z.infer<typeof originCheckpointSchema>;

export const originChainSchema = z.array(originCheckpointSchema).max(1000);

export const originAgenciesSchema = z.object({
  agencies: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
        nameZh: text(500),
        nameEn: text(500),
        descriptionZh: text(20_000).default(""),
        descriptionEn: text(20_000).default(""),
      }),
    )
    .max(10_000),
});

export const originConsistencySchema = z.object({ from: index, to: index, hashes: z.array(text(100)).max(64) });
