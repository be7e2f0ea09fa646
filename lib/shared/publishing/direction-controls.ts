/**
 * Invisible characters that change the order text is shown in: embeddings and overrides
 * (U+202A–U+202E), isolates (U+2066–U+2069) and the direction marks (U+200E, U+200F, U+061C).
 * A title ending in U+202E showed the rest of its line — a citation's index, date and
 * permalink — reversed, and a logged value is permanent. Notices are Chinese or English, where
 * none of these has a use: every logged text field refuses them (notice-fields.ts) and an
 * attachment's file name loses them (attachment-policy.ts). Pure.
 */
export const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Without the g flag, so a test keeps no lastIndex between calls. */
const ANY = new RegExp(DIRECTION_CONTROLS.source);

export function hasDirectionControls(text: string): boolean {
  return ANY.test(text);
}
