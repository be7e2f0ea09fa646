/**
 * RFC 8785 JSON Canonicalization Scheme (JCS), for the value domain the log leaf uses:
 * null, booleans, strings, safe integers, arrays and plain objects.
 *
 * Leaf bytes are hashed into the Merkle tree, so there must be exactly one byte string per
 * value, reproducible in any language with a JCS library. Anything JCS cannot represent
 * exactly is refused rather than coerced: fractions and unsafe integers (RFC 8785 §3.2.2.3
 * would print them as IEEE 754 shortest round-trip text, which other languages get subtly
 * wrong, and the leaf never needs them), and lone surrogates (§3.2.2.2 requires I-JSON,
 * RFC 7493 §2.1, so the output is valid UTF-8; TextEncoder would silently turn them into
 * U+FFFD and two different values would share one encoding).
 * Invalid values throw InputError: the caller built a value the format cannot hold.
 */
import { InputError } from "./errors";
import { utf8 } from "./encoding";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The canonical JSON text of `value` (RFC 8785). */
export function canonicalJson(value: unknown): string {
  return serialize(value, new Set());
}

/** UTF-8 of the canonical JSON text: the bytes that get hashed. */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8(canonicalJson(value));
}

function serialize(value: unknown, ancestors: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return serializeInteger(value);
    case "string":
      return serializeString(value);
    case "object":
      break;
    default:
      throw new InputError("jcs-unsupported-type", `JCS cannot encode a value of type ${typeof value}`);
  }
  if (ancestors.has(value)) throw new InputError("jcs-cycle", "JCS cannot encode a cyclic value");
  ancestors.add(value);
  const text = Array.isArray(value) ? serializeArray(value, ancestors) : serializeObject(value, ancestors);
  ancestors.delete(value);
  return text;
}

/**
 * For safe integers the ECMAScript Number::toString that RFC 8785 §3.2.2.3 prescribes is
 * plain decimal digits (exponents start at 1e21), and it prints -0 as "0", as the RFC requires.
 */
function serializeInteger(n: number): string {
  if (!Number.isSafeInteger(n)) {
    throw new InputError("jcs-bad-number", `only safe integers are allowed, got ${String(n)}`);
  }
  return String(n);
}

/** A character the loop in serializeString must look at: an escape or a surrogate. */
const NEEDS_CARE = /[\u0000-\u001f"\\\ud800-\udfff]/;

const SHORT_ESCAPES: Record<number, string> = {
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0c: "\\f",
  0x0d: "\\r",
  0x22: '\\"',
  0x5c: "\\\\",
};

/**
 * RFC 8785 §3.2.2.2: escape only '"', '\\' and U+0000..U+001F (the short forms where JSON
 * has them, else \u00xx in lowercase hex); every other character, including U+007F,
 * U+2028 and non-BMP characters, is written as itself.
 */
function serializeString(s: string): string {
  // Most strings (every commitment, name and ID in a leaf) need no escape and hold no
  // surrogate: written as they are, which is what the loop below would produce for them.
  if (!NEEDS_CARE.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!;
        i++;
        continue;
      }
      throw new InputError("jcs-lone-surrogate", "strings must be well-formed UTF-16 (no lone surrogates)");
    }
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (c < 0x20) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += s[i]!;
  }
  return out + '"';
}

function serializeArray(items: readonly unknown[], ancestors: Set<object>): string {
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    // A hole would otherwise be read as undefined and silently dropped or nulled.
    if (!(i in items)) throw new InputError("jcs-sparse-array", "arrays must not have holes");
    parts.push(serialize(items[i], ancestors));
  }
  return "[" + parts.join(",") + "]";
}

/** RFC 8785 §3.2.3: members sorted by the UTF-16 code units of their names. */
function serializeObject(obj: object, ancestors: Set<object>): string {
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    // Dates, Maps, class instances: JSON.stringify would apply toJSON or drop their state.
    throw new InputError("jcs-unsupported-type", "only plain objects and arrays can be encoded");
  }
  const record = obj as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareCodeUnits);
  const parts: string[] = [];
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) {
      throw new InputError("jcs-undefined", `member "${key}" is undefined; omit it or use null`);
    }
    parts.push(serializeString(key) + ":" + serialize(member, ancestors));
  }
  return "{" + parts.join(",") + "}";
}

/** Plain code-unit order, independent of locale (never localeCompare). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
