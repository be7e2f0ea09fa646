/**
 * Limits keep a leaf small and a page readable; the body limit is ~100 printed pages. On its own
 * (no zod) so the editor's inputs can carry them as maxLength without shipping the schema. A
 * reason is one line, like a title; its detail is a few paragraphs at most.
 */
export const FIELD_LIMITS = { title: 300, number: 100, category: 50, body: 200_000, reason: 200, reasonDetail: 2_000, basis: 500 } as const;
