#!/usr/bin/env node

// scripts/gongshi-verify/main.ts
import { createHash } from "node:crypto";
import { openSync, readSync, closeSync, fstatSync } from "node:fs";

// lib/core/log/errors.ts
var CodedError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
};
var InputError = class extends CodedError {
};
var ProofError = class extends CodedError {
};
var RootMismatchError = class extends ProofError {
  expected;
  computed;
  constructor(expected, computed) {
    super("root-mismatch", "the proof leads to a different root hash than the trusted one");
    this.expected = expected;
    this.computed = computed;
  }
};
var FormatError = class extends CodedError {
};
function requireIndex(name, value) {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InputError("bad-" + name, `${name} must be a non-negative integer, got ${String(value)}`);
  }
}

// lib/core/log/encoding.ts
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;
function toBase64(bytes) {
  let out = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2];
    out += B64[n >> 18] + B64[n >> 12 & 63] + B64[n >> 6 & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += B64[n >> 18] + B64[n >> 12 & 63] + "==";
  } else if (rest === 2) {
    const n = bytes[i] << 16 | bytes[i + 1] << 8;
    out += B64[n >> 18] + B64[n >> 12 & 63] + B64[n >> 6 & 63] + "=";
  }
  return out;
}
function fromBase64(text2) {
  if (text2.length % 4 !== 0) throw new FormatError("bad-base64", "base64 length is not a multiple of 4");
  const pad = text2.endsWith("==") ? 2 : text2.endsWith("=") ? 1 : 0;
  const out = new Uint8Array(text2.length / 4 * 3 - pad);
  let o = 0;
  for (let i = 0; i < text2.length; i += 4) {
    const last = i + 4 === text2.length;
    const c = [0, 1, 2, 3].map((k) => {
      const ch = text2.charCodeAt(i + k);
      if (last && ch === 61 && k >= 4 - pad) return 0;
      const v = ch < 128 ? B64_INDEX[ch] : -1;
      if (v < 0) throw new FormatError("bad-base64", "invalid base64 character");
      return v;
    });
    const n = c[0] << 18 | c[1] << 12 | c[2] << 6 | c[3];
    if (last && pad > 0 && (n & (pad === 2 ? 65535 : 255)) !== 0) {
      throw new FormatError("bad-base64", "base64 has non-zero padding bits");
    }
    out[o++] = n >> 16;
    if (o < out.length) out[o++] = n >> 8 & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
function toHex(bytes) {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}
var encoder = new TextEncoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function utf8(text2) {
  return encoder.encode(text2);
}
function fromUtf8(bytes) {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    throw new FormatError("bad-utf8", "text is not valid UTF-8");
  }
}
function concatBytes(...parts) {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
function bytesEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

// node_modules/@noble/hashes/_u64.js
var U32_MASK64 = /* @__PURE__ */ (() => BigInt(2 ** 32 - 1))();
var _32n = /* @__PURE__ */ BigInt(32);
function fromBig(n, le = false) {
  if (le)
    return { h: Number(n & U32_MASK64), l: Number(n >> _32n & U32_MASK64) };
  return { h: Number(n >> _32n & U32_MASK64) | 0, l: Number(n & U32_MASK64) | 0 };
}
function split(lst, le = false) {
  const len = lst.length;
  let Ah = new Uint32Array(len);
  let Al = new Uint32Array(len);
  for (let i = 0; i < len; i++) {
    const { h, l } = fromBig(lst[i], le);
    [Ah[i], Al[i]] = [h, l];
  }
  return [Ah, Al];
}
var fromNumH = (n) => n / 2 ** 32 | 0;
var fromNumL = (n) => n >>> 0;
function setU64FromNum(view, byteOffset, n, isLE) {
  const h = fromNumH(n);
  const l = fromNumL(n);
  view.setUint32(byteOffset, isLE ? l : h, isLE);
  view.setUint32(byteOffset + 4, isLE ? h : l, isLE);
}
var shrSH = (h, _l, s) => h >>> s;
var shrSL = (h, l, s) => h << 32 - s | l >>> s;
var rotrSH = (h, l, s) => h >>> s | l << 32 - s;
var rotrSL = (h, l, s) => h << 32 - s | l >>> s;
var rotrBH = (h, l, s) => h << 64 - s | l >>> s - 32;
var rotrBL = (h, l, s) => h >>> s - 32 | l << 64 - s;
function add(Ah, Al, Bh, Bl) {
  const l = (Al >>> 0) + (Bl >>> 0);
  return { h: Ah + Bh + (l / 2 ** 32 | 0) | 0, l: l | 0 };
}
var add3L = (Al, Bl, Cl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0);
var add3H = (low, Ah, Bh, Ch) => Ah + Bh + Ch + (low / 2 ** 32 | 0) | 0;
var add4L = (Al, Bl, Cl, Dl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0);
var add4H = (low, Ah, Bh, Ch, Dh) => Ah + Bh + Ch + Dh + (low / 2 ** 32 | 0) | 0;
var add5L = (Al, Bl, Cl, Dl, El) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0) + (El >>> 0);
var add5H = (low, Ah, Bh, Ch, Dh, Eh) => Ah + Bh + Ch + Dh + Eh + (low / 2 ** 32 | 0) | 0;

// node_modules/@noble/hashes/utils.js
function isBytes(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
var atitle = (title) => title ? `"${title}" ` : "";
function anumber(n, title = "") {
  if (typeof n !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n);
  return n;
}
function abytes(value, length, title = "") {
  if (isBytes(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
var aobject = (value, label) => {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError((label === "object" ? "" : `"${label}" `) + "expected object, got type=" + typeof value);
};
var aopts = (value, label) => {
  aobject(value, label);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new TypeError(`"${label}" expected plain object`);
  if (Object.hasOwn(value, "__proto__"))
    throw new TypeError(`"${label}.__proto__" is not allowed`);
};
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out, instance) {
  abytes(out, void 0, "output");
  const min = instance.outputLen;
  if (!(out.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function clean(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function createView(arr) {
  return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
function rotr(word, shift) {
  return word << 32 - shift | word >>> shift;
}
var hasHexBuiltin = /* @__PURE__ */ (() => (
  // @ts-ignore
  typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
))();
var hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function bytesToHex(bytes) {
  abytes(bytes);
  if (hasHexBuiltin)
    return bytes.toHex();
  let hex = "";
  for (let i = 0; i < bytes.length; i++) {
    hex += hexes[bytes[i]];
  }
  return hex;
}
function asciiToBase16(ch) {
  return ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 70 ? ch - (65 - 10) : ch >= 97 && ch <= 102 ? ch - (97 - 10) : void 0;
}
function hexToBytes(hex) {
  if (typeof hex !== "string")
    throw new TypeError("hex string expected, got " + typeof hex);
  if (hasHexBuiltin) {
    try {
      return Uint8Array.fromHex(hex);
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new RangeError(error.message);
      throw error;
    }
  }
  const hl = hex.length;
  const al = hl / 2;
  if (hl % 2)
    throw new RangeError("hex string expected, got unpadded hex of length " + hl);
  const array2 = new Uint8Array(al);
  for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
    const n1 = asciiToBase16(hex.charCodeAt(hi));
    const n2 = asciiToBase16(hex.charCodeAt(hi + 1));
    if (n1 === void 0 || n2 === void 0) {
      const char = hex[hi] + hex[hi + 1];
      throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
    }
    array2[ai] = n1 * 16 + n2;
  }
  return array2;
}
function concatBytes2(...arrays) {
  let sum = 0;
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i];
    abytes(a);
    sum += a.length;
  }
  const res = new Uint8Array(sum);
  for (let i = 0, pad = 0; i < arrays.length; i++) {
    const a = arrays[i];
    res.set(a, pad);
    pad += a.length;
  }
  return res;
}
function checkOpts(defaults, opts, title = "opts") {
  aopts(defaults, "defaults");
  if (opts !== void 0)
    aopts(opts, title);
  const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
  return merged;
}
function createHasher(hashCons, info = {}) {
  if (typeof hashCons !== "function")
    throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
  info = checkOpts({}, info, "info");
  const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
  const tmp = hashCons(void 0);
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.canXOF = tmp.canXOF;
  hashC.create = (opts) => hashCons(opts);
  Object.assign(hashC, info);
  return Object.freeze(hashC);
}
function randomBytes(bytesLength = 32) {
  anumber(bytesLength, "bytesLength");
  const cr = typeof globalThis === "object" ? globalThis.crypto : null;
  if (typeof cr?.getRandomValues !== "function")
    throw new Error("crypto.getRandomValues must be defined");
  if (bytesLength > 65536)
    throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
  return cr.getRandomValues(new Uint8Array(bytesLength));
}
var oidNist = (suffix) => ({
  // Current NIST hashAlgs suffixes used here fit in one DER subidentifier octet.
  // Larger suffix values would need base-128 OID encoding and a different length byte.
  oid: Uint8Array.from([6, 9, 96, 134, 72, 1, 101, 3, 4, 2, suffix])
});

// node_modules/@noble/hashes/_md.js
function Chi(a, b, c) {
  return a & b ^ ~a & c;
}
function Maj(a, b, c) {
  return a & b ^ a & c ^ b & c;
}
var HashMD = class {
  blockLen;
  outputLen;
  canXOF = false;
  padOffset;
  isLE;
  // For partial updates less than block size
  buffer;
  view;
  finished = false;
  length = 0;
  pos = 0;
  destroyed = false;
  constructor(blockLen, outputLen, padOffset, isLE) {
    this.blockLen = blockLen;
    this.outputLen = outputLen;
    this.padOffset = padOffset;
    this.isLE = isLE;
    this.buffer = new Uint8Array(blockLen);
    this.view = createView(this.buffer);
  }
  update(data) {
    aexists(this);
    abytes(data);
    const { view, buffer, blockLen } = this;
    const len = data.length;
    let processed = false;
    for (let pos = 0; pos < len; ) {
      const take = Math.min(blockLen - this.pos, len - pos);
      if (take === blockLen) {
        const dataView = createView(data);
        for (; blockLen <= len - pos; pos += blockLen)
          this.process(dataView, pos);
        processed = true;
        continue;
      }
      buffer.set(pos === 0 && take === len ? data : data.subarray(pos, pos + take), this.pos);
      this.pos += take;
      pos += take;
      if (this.pos === blockLen) {
        this.process(view, 0);
        this.pos = 0;
        processed = true;
      }
    }
    this.length += data.length;
    if (processed)
      this.roundClean();
    return this;
  }
  digestInto(out) {
    aexists(this);
    aoutput(out, this);
    this.finished = true;
    const { buffer, view, blockLen, isLE } = this;
    let { pos } = this;
    buffer[pos++] = 128;
    buffer.fill(0, pos);
    if (this.padOffset > blockLen - pos) {
      this.process(view, 0);
      buffer.fill(0);
    }
    setU64FromNum(view, blockLen - 8, this.length * 8, isLE);
    this.process(view, 0);
    this.roundClean();
    const oview = out === buffer ? view : createView(out);
    const len = this.outputLen;
    const outLen = len / 4;
    const state = this.get();
    if (len % 4 || outLen > state.length)
      throw new Error("invalid outputLen");
    for (let i = 0; i < outLen; i++)
      oview.setUint32(4 * i, state[i], isLE);
  }
  digest() {
    const { buffer, outputLen } = this;
    this.digestInto(buffer);
    const res = buffer.slice(0, outputLen);
    this.destroy();
    return res;
  }
  _cloneIntoMeta(to) {
    const { buffer, length, finished, destroyed, pos } = this;
    to.destroyed = destroyed;
    to.finished = finished;
    to.length = length;
    to.pos = pos;
    if (pos)
      to.buffer.set(buffer);
    return to;
  }
  clone() {
    return this._cloneInto();
  }
};
var SHA256_IV = /* @__PURE__ */ Uint32Array.from([
  1779033703,
  3144134277,
  1013904242,
  2773480762,
  1359893119,
  2600822924,
  528734635,
  1541459225
]);
var SHA512_IV = /* @__PURE__ */ Uint32Array.from([
  1779033703,
  4089235720,
  3144134277,
  2227873595,
  1013904242,
  4271175723,
  2773480762,
  1595750129,
  1359893119,
  2917565137,
  2600822924,
  725511199,
  528734635,
  4215389547,
  1541459225,
  327033209
]);

// node_modules/@noble/hashes/sha2.js
var SHA256_K = /* @__PURE__ */ Uint32Array.from([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var SHA256_W = /* @__PURE__ */ new Uint32Array(64);
var SHA2_32B = class extends HashMD {
  // We cannot use array here since array allows indexing by variable
  // which means optimizer/compiler cannot use registers.
  // Numeric initializers matter: starting the fields as `undefined` changes
  // V8's field representation and makes sha256 3x slower (measured).
  A = 0;
  B = 0;
  C = 0;
  D = 0;
  E = 0;
  F = 0;
  G = 0;
  H = 0;
  constructor(outputLen, IV) {
    super(64, outputLen, 8, false);
    this.A = IV[0] | 0;
    this.B = IV[1] | 0;
    this.C = IV[2] | 0;
    this.D = IV[3] | 0;
    this.E = IV[4] | 0;
    this.F = IV[5] | 0;
    this.G = IV[6] | 0;
    this.H = IV[7] | 0;
  }
  get() {
    const { A, B, C, D, E, F, G: G2, H } = this;
    return [A, B, C, D, E, F, G2, H];
  }
  // prettier-ignore
  set(A, B, C, D, E, F, G2, H) {
    this.A = A | 0;
    this.B = B | 0;
    this.C = C | 0;
    this.D = D | 0;
    this.E = E | 0;
    this.F = F | 0;
    this.G = G2 | 0;
    this.H = H | 0;
  }
  _cloneInto(to) {
    (to ||= new this.constructor()).set(...this.get());
    return this._cloneIntoMeta(to);
  }
  process(view, offset) {
    for (let i = 0; i < 16; i++, offset += 4)
      SHA256_W[i] = view.getUint32(offset, false);
    for (let i = 16; i < 64; i++) {
      const W15 = SHA256_W[i - 15];
      const W2 = SHA256_W[i - 2];
      const s0 = rotr(W15, 7) ^ rotr(W15, 18) ^ W15 >>> 3;
      const s1 = rotr(W2, 17) ^ rotr(W2, 19) ^ W2 >>> 10;
      SHA256_W[i] = s1 + SHA256_W[i - 7] + s0 + SHA256_W[i - 16] | 0;
    }
    let { A, B, C, D, E, F, G: G2, H } = this;
    for (let i = 0; i < 64; i++) {
      const sigma1 = rotr(E, 6) ^ rotr(E, 11) ^ rotr(E, 25);
      const T1 = H + sigma1 + Chi(E, F, G2) + SHA256_K[i] + SHA256_W[i] | 0;
      const sigma0 = rotr(A, 2) ^ rotr(A, 13) ^ rotr(A, 22);
      const T2 = sigma0 + Maj(A, B, C) | 0;
      H = G2;
      G2 = F;
      F = E;
      E = D + T1 | 0;
      D = C;
      C = B;
      B = A;
      A = T1 + T2 | 0;
    }
    A = A + this.A | 0;
    B = B + this.B | 0;
    C = C + this.C | 0;
    D = D + this.D | 0;
    E = E + this.E | 0;
    F = F + this.F | 0;
    G2 = G2 + this.G | 0;
    H = H + this.H | 0;
    this.set(A, B, C, D, E, F, G2, H);
  }
  roundClean() {
    clean(SHA256_W);
  }
  destroy() {
    this.destroyed = true;
    this.set(0, 0, 0, 0, 0, 0, 0, 0);
    clean(this.buffer);
  }
};
var _SHA256 = class extends SHA2_32B {
  constructor() {
    super(32, SHA256_IV);
  }
};
var K512 = /* @__PURE__ */ (() => split([
  "0x428a2f98d728ae22",
  "0x7137449123ef65cd",
  "0xb5c0fbcfec4d3b2f",
  "0xe9b5dba58189dbbc",
  "0x3956c25bf348b538",
  "0x59f111f1b605d019",
  "0x923f82a4af194f9b",
  "0xab1c5ed5da6d8118",
  "0xd807aa98a3030242",
  "0x12835b0145706fbe",
  "0x243185be4ee4b28c",
  "0x550c7dc3d5ffb4e2",
  "0x72be5d74f27b896f",
  "0x80deb1fe3b1696b1",
  "0x9bdc06a725c71235",
  "0xc19bf174cf692694",
  "0xe49b69c19ef14ad2",
  "0xefbe4786384f25e3",
  "0x0fc19dc68b8cd5b5",
  "0x240ca1cc77ac9c65",
  "0x2de92c6f592b0275",
  "0x4a7484aa6ea6e483",
  "0x5cb0a9dcbd41fbd4",
  "0x76f988da831153b5",
  "0x983e5152ee66dfab",
  "0xa831c66d2db43210",
  "0xb00327c898fb213f",
  "0xbf597fc7beef0ee4",
  "0xc6e00bf33da88fc2",
  "0xd5a79147930aa725",
  "0x06ca6351e003826f",
  "0x142929670a0e6e70",
  "0x27b70a8546d22ffc",
  "0x2e1b21385c26c926",
  "0x4d2c6dfc5ac42aed",
  "0x53380d139d95b3df",
  "0x650a73548baf63de",
  "0x766a0abb3c77b2a8",
  "0x81c2c92e47edaee6",
  "0x92722c851482353b",
  "0xa2bfe8a14cf10364",
  "0xa81a664bbc423001",
  "0xc24b8b70d0f89791",
  "0xc76c51a30654be30",
  "0xd192e819d6ef5218",
  "0xd69906245565a910",
  "0xf40e35855771202a",
  "0x106aa07032bbd1b8",
  "0x19a4c116b8d2d0c8",
  "0x1e376c085141ab53",
  "0x2748774cdf8eeb99",
  "0x34b0bcb5e19b48a8",
  "0x391c0cb3c5c95a63",
  "0x4ed8aa4ae3418acb",
  "0x5b9cca4f7763e373",
  "0x682e6ff3d6b2b8a3",
  "0x748f82ee5defb2fc",
  "0x78a5636f43172f60",
  "0x84c87814a1f0ab72",
  "0x8cc702081a6439ec",
  "0x90befffa23631e28",
  "0xa4506cebde82bde9",
  "0xbef9a3f7b2c67915",
  "0xc67178f2e372532b",
  "0xca273eceea26619c",
  "0xd186b8c721c0c207",
  "0xeada7dd6cde0eb1e",
  "0xf57d4f7fee6ed178",
  "0x06f067aa72176fba",
  "0x0a637dc5a2c898a6",
  "0x113f9804bef90dae",
  "0x1b710b35131c471b",
  "0x28db77f523047d84",
  "0x32caab7b40c72493",
  "0x3c9ebe0a15c9bebc",
  "0x431d67c49c100d4c",
  "0x4cc5d4becb3e42b6",
  "0x597f299cfc657e2a",
  "0x5fcb6fab3ad6faec",
  "0x6c44198c4a475817"
].map((n) => BigInt(n))))();
var SHA512_Kh = /* @__PURE__ */ (() => K512[0])();
var SHA512_Kl = /* @__PURE__ */ (() => K512[1])();
var SHA512_W_H = /* @__PURE__ */ new Uint32Array(80);
var SHA512_W_L = /* @__PURE__ */ new Uint32Array(80);
var SHA2_64B = class extends HashMD {
  // We cannot use array here since array allows indexing by variable
  // which means optimizer/compiler cannot use registers.
  // h -- high 32 bits, l -- low 32 bits
  // Numeric initializers matter: starting the fields as `undefined` changes
  // V8's field representation and slows hashing down (measured on sha256).
  Ah = 0;
  Al = 0;
  Bh = 0;
  Bl = 0;
  Ch = 0;
  Cl = 0;
  Dh = 0;
  Dl = 0;
  Eh = 0;
  El = 0;
  Fh = 0;
  Fl = 0;
  Gh = 0;
  Gl = 0;
  Hh = 0;
  Hl = 0;
  constructor(outputLen, IV) {
    super(128, outputLen, 16, false);
    this.Ah = IV[0] | 0;
    this.Al = IV[1] | 0;
    this.Bh = IV[2] | 0;
    this.Bl = IV[3] | 0;
    this.Ch = IV[4] | 0;
    this.Cl = IV[5] | 0;
    this.Dh = IV[6] | 0;
    this.Dl = IV[7] | 0;
    this.Eh = IV[8] | 0;
    this.El = IV[9] | 0;
    this.Fh = IV[10] | 0;
    this.Fl = IV[11] | 0;
    this.Gh = IV[12] | 0;
    this.Gl = IV[13] | 0;
    this.Hh = IV[14] | 0;
    this.Hl = IV[15] | 0;
  }
  // prettier-ignore
  get() {
    const { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
    return [Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl];
  }
  // prettier-ignore
  set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl) {
    this.Ah = Ah | 0;
    this.Al = Al | 0;
    this.Bh = Bh | 0;
    this.Bl = Bl | 0;
    this.Ch = Ch | 0;
    this.Cl = Cl | 0;
    this.Dh = Dh | 0;
    this.Dl = Dl | 0;
    this.Eh = Eh | 0;
    this.El = El | 0;
    this.Fh = Fh | 0;
    this.Fl = Fl | 0;
    this.Gh = Gh | 0;
    this.Gl = Gl | 0;
    this.Hh = Hh | 0;
    this.Hl = Hl | 0;
  }
  _cloneInto(to) {
    (to ||= new this.constructor()).set(...this.get());
    return this._cloneIntoMeta(to);
  }
  process(view, offset) {
    for (let i = 0; i < 16; i++, offset += 4) {
      SHA512_W_H[i] = view.getUint32(offset);
      SHA512_W_L[i] = view.getUint32(offset += 4);
    }
    for (let i = 16; i < 80; i++) {
      const W15h = SHA512_W_H[i - 15] | 0;
      const W15l = SHA512_W_L[i - 15] | 0;
      const s0h = rotrSH(W15h, W15l, 1) ^ rotrSH(W15h, W15l, 8) ^ shrSH(W15h, W15l, 7);
      const s0l = rotrSL(W15h, W15l, 1) ^ rotrSL(W15h, W15l, 8) ^ shrSL(W15h, W15l, 7);
      const W2h = SHA512_W_H[i - 2] | 0;
      const W2l = SHA512_W_L[i - 2] | 0;
      const s1h = rotrSH(W2h, W2l, 19) ^ rotrBH(W2h, W2l, 61) ^ shrSH(W2h, W2l, 6);
      const s1l = rotrSL(W2h, W2l, 19) ^ rotrBL(W2h, W2l, 61) ^ shrSL(W2h, W2l, 6);
      const SUMl = add4L(s0l, s1l, SHA512_W_L[i - 7], SHA512_W_L[i - 16]);
      const SUMh = add4H(SUMl, s0h, s1h, SHA512_W_H[i - 7], SHA512_W_H[i - 16]);
      SHA512_W_H[i] = SUMh | 0;
      SHA512_W_L[i] = SUMl | 0;
    }
    let { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
    for (let i = 0; i < 80; i++) {
      const sigma1h = rotrSH(Eh, El, 14) ^ rotrSH(Eh, El, 18) ^ rotrBH(Eh, El, 41);
      const sigma1l = rotrSL(Eh, El, 14) ^ rotrSL(Eh, El, 18) ^ rotrBL(Eh, El, 41);
      const CHIh = Eh & Fh ^ ~Eh & Gh;
      const CHIl = El & Fl ^ ~El & Gl;
      const T1ll = add5L(Hl, sigma1l, CHIl, SHA512_Kl[i], SHA512_W_L[i]);
      const T1h = add5H(T1ll, Hh, sigma1h, CHIh, SHA512_Kh[i], SHA512_W_H[i]);
      const T1l = T1ll | 0;
      const sigma0h = rotrSH(Ah, Al, 28) ^ rotrBH(Ah, Al, 34) ^ rotrBH(Ah, Al, 39);
      const sigma0l = rotrSL(Ah, Al, 28) ^ rotrBL(Ah, Al, 34) ^ rotrBL(Ah, Al, 39);
      const MAJh = Ah & Bh ^ Ah & Ch ^ Bh & Ch;
      const MAJl = Al & Bl ^ Al & Cl ^ Bl & Cl;
      Hh = Gh | 0;
      Hl = Gl | 0;
      Gh = Fh | 0;
      Gl = Fl | 0;
      Fh = Eh | 0;
      Fl = El | 0;
      ({ h: Eh, l: El } = add(Dh | 0, Dl | 0, T1h | 0, T1l | 0));
      Dh = Ch | 0;
      Dl = Cl | 0;
      Ch = Bh | 0;
      Cl = Bl | 0;
      Bh = Ah | 0;
      Bl = Al | 0;
      const All = add3L(T1l, sigma0l, MAJl);
      Ah = add3H(All, T1h, sigma0h, MAJh);
      Al = All | 0;
    }
    ({ h: Ah, l: Al } = add(this.Ah | 0, this.Al | 0, Ah | 0, Al | 0));
    ({ h: Bh, l: Bl } = add(this.Bh | 0, this.Bl | 0, Bh | 0, Bl | 0));
    ({ h: Ch, l: Cl } = add(this.Ch | 0, this.Cl | 0, Ch | 0, Cl | 0));
    ({ h: Dh, l: Dl } = add(this.Dh | 0, this.Dl | 0, Dh | 0, Dl | 0));
    ({ h: Eh, l: El } = add(this.Eh | 0, this.El | 0, Eh | 0, El | 0));
    ({ h: Fh, l: Fl } = add(this.Fh | 0, this.Fl | 0, Fh | 0, Fl | 0));
    ({ h: Gh, l: Gl } = add(this.Gh | 0, this.Gl | 0, Gh | 0, Gl | 0));
    ({ h: Hh, l: Hl } = add(this.Hh | 0, this.Hl | 0, Hh | 0, Hl | 0));
    this.set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl);
  }
  roundClean() {
    clean(SHA512_W_H, SHA512_W_L);
  }
  destroy() {
    this.destroyed = true;
    clean(this.buffer);
    this.set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
};
var _SHA512 = class extends SHA2_64B {
  constructor() {
    super(64, SHA512_IV);
  }
};
var sha256 = /* @__PURE__ */ createHasher(
  () => new _SHA256(),
  /* @__PURE__ */ oidNist(1)
);
var sha512 = /* @__PURE__ */ createHasher(
  () => new _SHA512(),
  /* @__PURE__ */ oidNist(3)
);

// lib/core/log/hash.ts
var HASH_SIZE = 32;
var LEAF_PREFIX = Uint8Array.of(0);
var NODE_PREFIX = Uint8Array.of(1);
function sha256Hash(data) {
  return sha256(data);
}
function hashLeaf(data) {
  return sha256.create().update(LEAF_PREFIX).update(data).digest();
}
function hashChildren(left, right) {
  return sha256.create().update(NODE_PREFIX).update(left).update(right).digest();
}
var EMPTY_ROOT = sha256(new Uint8Array(0));
function formatHash(hash) {
  return toBase64(hash);
}
function parseHash(text2) {
  const bytes = fromBase64(text2);
  if (bytes.length !== HASH_SIZE) {
    throw new FormatError("bad-hash", `a hash is ${HASH_SIZE} bytes, got ${bytes.length}`);
  }
  return bytes;
}

// lib/core/log/stored-hashes.ts
var MAX_TREE_SIZE = 2 ** 52;

// lib/core/log/proof-verify.ts
function rootFromInclusionProof(index, size, leafHash, proof) {
  requireIndex("index", index);
  requireIndex("size", size);
  requireHashes(leafHash, proof);
  if (index >= size) throw new ProofError("index-out-of-range", `index ${index} is not below tree size ${size}`);
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new ProofError("proof-too-long", "inclusion proof has more hashes than the tree size allows");
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError("proof-too-short", "inclusion proof has fewer hashes than the tree size requires");
  return r;
}
function verifyInclusion(index, size, leafHash, proof, root) {
  requireHashes(root, []);
  const computed = rootFromInclusionProof(index, size, leafHash, proof);
  if (!bytesEqual(computed, root)) throw new RootMismatchError(root, computed);
}
function verifyConsistency(size1, size2, proof, root1, root2) {
  requireIndex("size1", size1);
  requireIndex("size2", size2);
  requireHashes(root1, [root2, ...proof]);
  if (size1 > size2) throw new ProofError("size-order", `size ${size1} is greater than size ${size2}`);
  if (size1 === size2 || size1 === 0) {
    if (proof.length !== 0) throw new ProofError("proof-too-long", "consistency proof must be empty for these sizes");
    if (size1 === 0 && !bytesEqual(root1, EMPTY_ROOT)) throw new RootMismatchError(EMPTY_ROOT, root1);
    if (size2 === 0 && !bytesEqual(root2, EMPTY_ROOT)) throw new RootMismatchError(EMPTY_ROOT, root2);
    if (size1 === size2 && !bytesEqual(root1, root2)) throw new RootMismatchError(root1, root2);
    return;
  }
  if (proof.length === 0) throw new ProofError("proof-too-short", "consistency proof is empty");
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) throw new ProofError("proof-too-long", "consistency proof has more hashes than the sizes allow");
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) throw new ProofError("proof-too-short", "consistency proof has fewer hashes than the sizes require");
  if (!bytesEqual(fr, root1)) throw new RootMismatchError(root1, fr);
  if (!bytesEqual(sr, root2)) throw new RootMismatchError(root2, sr);
}
function isPowerOfTwo(x2) {
  while (x2 > 1 && x2 % 2 === 0) x2 /= 2;
  return x2 === 1;
}
function requireHashes(first, rest) {
  for (const h of [first, ...rest]) {
    if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) {
      throw new InputError("bad-hash", `every hash must be ${HASH_SIZE} bytes`);
    }
  }
}

// node_modules/lru-cache/dist/esm/node/index.min.js
import { tracingChannel as G, channel as P } from "node:diagnostics_channel";
var m = P("lru-cache:metrics");
var O = G("lru-cache");
var x = typeof performance == "object" && performance && typeof performance.now == "function" ? performance : Date;
var M = typeof process == "object" && process ? process : {};

// node_modules/@noble/curves/utils.js
function aarray(item, title, inner = () => {
}) {
  if (!Array.isArray(item))
    throw new TypeError(`"${title}" expected array, got type=${typeof item}`);
  for (let i = 0; i < item.length; i++)
    inner(item[i], `${title}[${i}]`);
  return item;
}
var abytes2 = (value, length, title) => abytes(value, length, title);
var anumber2 = anumber;
function aobject2(value, title = "object") {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError(title === "object" ? "expected valid options object" : `"${title}" expected object, got type=${typeof value}`);
  return value;
}
function afunction(value, title) {
  if (typeof value !== "function")
    throw new TypeError(`"${title}" is invalid: expected function, got ${typeof value}`);
  return value;
}
var bytesToHex2 = bytesToHex;
var concatBytes3 = (...arrays) => concatBytes2(...arrays);
var hexToBytes2 = (hex) => hexToBytes(hex);
var isBytes2 = isBytes;
var randomBytes2 = (bytesLength) => randomBytes(bytesLength);
var _0n = /* @__PURE__ */ BigInt(0);
var _1n = /* @__PURE__ */ BigInt(1);
var atitle2 = (title) => title ? `"${title}" ` : "";
function abool(value, title = "") {
  if (typeof value !== "boolean")
    throw new TypeError(atitle2(title) + "expected boolean, got type=" + typeof value);
  return value;
}
function abignumber(n) {
  if (typeof n === "bigint") {
    if (!isPosBig(n))
      throw new RangeError("positive bigint expected, got " + n);
  } else
    anumber2(n);
  return n;
}
function asafenumber(value, title = "") {
  if (typeof value !== "number") {
    const prefix = title && `"${title}" `;
    throw new TypeError(prefix + "expected number, got type=" + typeof value);
  }
  if (!Number.isSafeInteger(value)) {
    const prefix = title && `"${title}" `;
    throw new RangeError(prefix + "expected safe integer, got " + value);
  }
}
function hexToNumber(hex) {
  if (typeof hex !== "string")
    throw new TypeError("hex string expected, got " + typeof hex);
  return hex === "" ? _0n : BigInt("0x" + hex);
}
function bytesToNumberBE(bytes) {
  return hexToNumber(bytesToHex(bytes));
}
function bytesToNumberLE(bytes) {
  return hexToNumber(bytesToHex(copyBytes(abytes(bytes)).reverse()));
}
function numberToBytesBE(n, len) {
  anumber(len);
  if (len === 0)
    throw new Error("zero output length is invalid");
  n = abignumber(n);
  const expectedLen = len * 2;
  const hex = n.toString(16);
  if (hex.length > expectedLen)
    throw new RangeError("number is too large");
  return hexToBytes(hex.padStart(expectedLen, "0"));
}
function numberToBytesLE(n, len) {
  return numberToBytesBE(n, len).reverse();
}
function copyBytes(bytes) {
  return Uint8Array.from(abytes2(bytes));
}
function isPosBig(n) {
  return typeof n === "bigint" && _0n <= n;
}
function inRange(n, min, max) {
  return isPosBig(n) && isPosBig(min) && isPosBig(max) && min <= n && n < max;
}
function aInRange(title, n, min, max) {
  if (!inRange(n, min, max))
    throw new RangeError("expected valid " + title + ": " + min + " <= n < " + max + ", got " + n);
}
function bitLen(n) {
  if (n < _0n)
    throw new Error("expected non-negative bigint, got " + n);
  return n === _0n ? 0 : n.toString(2).length;
}
var bitMask = (n) => {
  asafenumber(n, "n");
  return (_1n << BigInt(n)) - _1n;
};
function validateObject(object2, fields = {}, optFields = {}, title = "object") {
  aobject2(object2, title);
  aobject2(fields, "fields");
  aobject2(optFields, "optFields");
  function checkField(fieldName, expectedType, isOpt) {
    const label = title === "object" ? `param "${String(fieldName)}"` : `"${title}.${String(fieldName)}"`;
    const val = object2[fieldName];
    if (!Object.hasOwn(object2, fieldName) && (isOpt ? val !== void 0 : expectedType !== "function")) {
      throw new TypeError(`${label} is invalid: expected own property`);
    }
    if (isOpt && val === void 0)
      return;
    const current = typeof val;
    if (current !== expectedType || val === null)
      throw new TypeError(`${label} is invalid: expected ${expectedType}, got ${current}`);
  }
  const iter = (f, isOpt) => Object.entries(f).forEach(([k, v]) => checkField(k, v, isOpt));
  iter(fields, false);
  iter(optFields, true);
}

// node_modules/@noble/curves/abstract/modular.js
var _0n2 = /* @__PURE__ */ BigInt(0);
var _1n2 = /* @__PURE__ */ BigInt(1);
var _2n = /* @__PURE__ */ BigInt(2);
var _3n = /* @__PURE__ */ BigInt(3);
var _4n = /* @__PURE__ */ BigInt(4);
var _5n = /* @__PURE__ */ BigInt(5);
var _7n = /* @__PURE__ */ BigInt(7);
var _8n = /* @__PURE__ */ BigInt(8);
var _9n = /* @__PURE__ */ BigInt(9);
var _15n = /* @__PURE__ */ BigInt(15);
var _16n = /* @__PURE__ */ BigInt(16);
var POW_WINDOWED_MIN = /* @__PURE__ */ BigInt("0x10000000000000000");
function mod(a, b) {
  if (b <= _0n2)
    throw new Error("mod: expected positive modulus, got " + b);
  const result = a % b;
  return result >= _0n2 ? result : b + result;
}
function pow(num, power, modulo) {
  if (modulo <= _1n2)
    throw new Error("pow: expected modulus > 1, got " + modulo);
  if (typeof power !== "bigint")
    throw new TypeError("invalid exponent: expected bigint, got " + typeof power);
  if (power < _0n2)
    throw new Error("invalid exponent, negatives unsupported");
  if (power === _0n2)
    return _1n2;
  if (power === _1n2)
    return num;
  let d = num % modulo;
  if (d < _0n2)
    d += modulo;
  if (power < POW_WINDOWED_MIN) {
    let p2 = _1n2;
    while (power > _0n2) {
      if (power & _1n2)
        p2 = p2 * d % modulo;
      d = d * d % modulo;
      power >>= _1n2;
    }
    return p2;
  }
  const digits = [];
  while (power > _0n2) {
    digits.push(Number(power & _15n));
    power >>= _4n;
  }
  const table = new Array(16);
  table[0] = _1n2;
  table[1] = d;
  for (let i = 2; i < 16; i++)
    table[i] = table[i - 1] * d % modulo;
  let p = table[digits[digits.length - 1]];
  for (let w = digits.length - 2; w >= 0; w--) {
    p = p * p % modulo;
    p = p * p % modulo;
    p = p * p % modulo;
    p = p * p % modulo;
    const digit = digits[w];
    if (digit !== 0)
      p = p * table[digit] % modulo;
  }
  return p;
}
function pow2(x2, power, modulo) {
  if (modulo <= _1n2)
    throw new Error("pow2: expected modulus > 1, got " + modulo);
  if (power < _0n2)
    throw new Error("pow2: expected non-negative exponent, got " + power);
  let res = x2;
  while (power-- > _0n2) {
    res *= res;
    res %= modulo;
  }
  return res;
}
function invert(number, modulo) {
  if (number === _0n2)
    throw new Error("invert: expected non-zero number");
  if (modulo <= _1n2)
    throw new Error("invert: expected modulus > 1, got " + modulo);
  let a = mod(number, modulo);
  let b = modulo;
  let x2 = _0n2, u = _1n2;
  while (a !== _0n2) {
    const q = b / a;
    const r = b - a * q;
    const m2 = x2 - u * q;
    b = a, a = r, x2 = u, u = m2;
  }
  const gcd = b;
  if (gcd !== _1n2)
    throw new Error("invert: does not exist");
  return mod(x2, modulo);
}
function assertIsSquare(Fp2, root, n) {
  const F = Fp2;
  if (!F.eql(F.sqr(root), n))
    throw new Error("Cannot find square root");
}
function aoddModulus(order, fnName) {
  if ((order & _1n2) === _0n2)
    throw new Error(fnName + ": expected odd modulus, got " + order);
}
function sqrt3mod4(Fp2, n) {
  const F = Fp2;
  const p1div4 = (F.ORDER + _1n2) / _4n;
  const root = F.pow(n, p1div4);
  assertIsSquare(F, root, n);
  return root;
}
function sqrt5mod8(Fp2, n) {
  const F = Fp2;
  const p5div8 = (F.ORDER - _5n) / _8n;
  const n2 = F.mul(n, _2n);
  const v = F.pow(n2, p5div8);
  const nv = F.mul(n, v);
  const i = F.mul(F.mul(nv, _2n), v);
  const root = F.mul(nv, F.sub(i, F.ONE));
  assertIsSquare(F, root, n);
  return root;
}
function sqrt9mod16(P2) {
  const Fp_ = Field(P2);
  const tn = tonelliShanks(P2);
  const c1 = tn(Fp_, Fp_.neg(Fp_.ONE));
  const c2 = tn(Fp_, c1);
  const c3 = tn(Fp_, Fp_.neg(c1));
  const c4 = (P2 + _7n) / _16n;
  return ((Fp2, n) => {
    const F = Fp2;
    let tv1 = F.pow(n, c4);
    let tv2 = F.mul(tv1, c1);
    const tv3 = F.mul(tv1, c2);
    const tv4 = F.mul(tv1, c3);
    const e1 = F.eql(F.sqr(tv2), n);
    const e2 = F.eql(F.sqr(tv3), n);
    tv1 = F.cmov(tv1, tv2, e1);
    tv2 = F.cmov(tv4, tv3, e2);
    const e3 = F.eql(F.sqr(tv2), n);
    const root = F.cmov(tv1, tv2, e3);
    assertIsSquare(F, root, n);
    return root;
  });
}
function tonelliShanks(P2) {
  if (P2 < _3n)
    throw new Error("sqrt is not defined for small field");
  aoddModulus(P2, "tonelliShanks");
  let Q = P2 - _1n2;
  let S = 0;
  while (Q % _2n === _0n2) {
    Q /= _2n;
    S++;
  }
  let Z = _2n;
  const _Fp = Field(P2);
  while (FpLegendre(_Fp, Z) === 1) {
    if (Z++ > 1e3)
      throw new Error("Cannot find square root: probably non-prime P");
  }
  if (S === 1)
    return sqrt3mod4;
  let cc = _Fp.pow(Z, Q);
  const Q1div2 = (Q + _1n2) / _2n;
  return function tonelliSlow(Fp2, n) {
    const F = Fp2;
    if (F.is0(n))
      return n;
    if (FpLegendre(F, n) !== 1)
      throw new Error("Cannot find square root");
    let M2 = S;
    let c = F.mul(F.ONE, cc);
    let t = F.pow(n, Q);
    let R = F.pow(n, Q1div2);
    while (!F.eql(t, F.ONE)) {
      if (F.is0(t))
        throw new Error("Cannot find square root: probably non-prime P");
      let i = 1;
      let t_tmp = F.sqr(t);
      while (!F.eql(t_tmp, F.ONE)) {
        i++;
        t_tmp = F.sqr(t_tmp);
        if (i === M2)
          throw new Error("Cannot find square root");
      }
      const exponent = _1n2 << BigInt(M2 - i - 1);
      const b = F.pow(c, exponent);
      M2 = i;
      c = F.sqr(b);
      t = F.mul(t, c);
      R = F.mul(R, b);
    }
    return R;
  };
}
function FpSqrt(P2) {
  aoddModulus(P2, "Fp.sqrt");
  if (P2 % _4n === _3n)
    return sqrt3mod4;
  if (P2 % _8n === _5n)
    return sqrt5mod8;
  if (P2 % _16n === _9n)
    return sqrt9mod16(P2);
  return tonelliShanks(P2);
}
var isNegativeLE = (num, modulo) => (mod(num, modulo) & _1n2) === _1n2;
var FIELD_FIELDS = [
  "create",
  "isValid",
  "is0",
  "neg",
  "inv",
  "sqrt",
  "sqr",
  "eql",
  "add",
  "sub",
  "mul",
  "pow",
  "div",
  "addN",
  "subN",
  "mulN",
  "sqrN"
];
function validateField(field) {
  aobject2(field, "field");
  if (typeof field.ORDER !== "bigint")
    throw new TypeError('param "ORDER" is invalid: expected bigint, got ' + typeof field.ORDER);
  asafenumber(field.BYTES, "BYTES");
  asafenumber(field.BITS, "BITS");
  for (const name of FIELD_FIELDS)
    afunction(field[name], "field." + name);
  if (field.BYTES < 1 || field.BITS < 1)
    throw new Error("invalid field: expected BYTES/BITS > 0");
  if (field.ORDER <= _1n2)
    throw new Error("invalid field: expected ORDER > 1, got " + field.ORDER);
  return field;
}
function FpInvertBatch(Fp2, nums, passZero = false) {
  validateField(Fp2);
  aarray(nums, "nums");
  abool(passZero, "passZero");
  const F = Fp2;
  const inverted = new Array(nums.length).fill(passZero ? F.ZERO : void 0);
  const multipliedAcc = nums.reduce((acc, num, i) => {
    if (F.is0(num))
      return acc;
    inverted[i] = acc;
    return F.mul(acc, num);
  }, F.ONE);
  const invertedAcc = F.inv(multipliedAcc);
  nums.reduceRight((acc, num, i) => {
    if (F.is0(num))
      return acc;
    inverted[i] = F.mul(acc, inverted[i]);
    return F.mul(acc, num);
  }, invertedAcc);
  return inverted;
}
function FpLegendre(Fp2, n) {
  validateField(Fp2);
  const F = Fp2;
  aoddModulus(F.ORDER, "FpLegendre");
  const p1mod2 = (F.ORDER - _1n2) / _2n;
  const powered = F.pow(n, p1mod2);
  const yes = F.eql(powered, F.ONE);
  const zero = F.eql(powered, F.ZERO);
  const no = F.eql(powered, F.neg(F.ONE));
  if (!yes && !zero && !no)
    throw new Error("invalid Legendre symbol result");
  return yes ? 1 : zero ? 0 : -1;
}
function nLength(n, nBitLength) {
  if (nBitLength !== void 0)
    anumber2(nBitLength);
  if (n <= _0n2)
    throw new Error("invalid n length: expected positive n, got " + n);
  if (nBitLength !== void 0 && nBitLength < 1)
    throw new Error("invalid n length: expected positive bit length, got " + nBitLength);
  const bits = bitLen(n);
  if (nBitLength !== void 0 && nBitLength < bits)
    throw new Error(`invalid n length: expected nBitLength (${nBitLength}) >= bitLen(n) (${bits})`);
  const _nBitLength = nBitLength !== void 0 ? nBitLength : bits;
  const nByteLength = Math.ceil(_nBitLength / 8);
  return { nBitLength: _nBitLength, nByteLength };
}
var FIELD_SQRT = /* @__PURE__ */ new WeakMap();
var _Field = class {
  ORDER;
  BITS;
  BYTES;
  isLE;
  ZERO = _0n2;
  ONE = _1n2;
  _lengths;
  _mod;
  constructor(ORDER, opts = {}) {
    if (ORDER <= _1n2)
      throw new Error("invalid field: expected ORDER > 1, got " + ORDER);
    let _nbitLength = void 0;
    this.isLE = false;
    if (opts != null && typeof opts === "object") {
      if (typeof opts.BITS === "number")
        _nbitLength = opts.BITS;
      if (typeof opts.sqrt === "function")
        Object.defineProperty(this, "sqrt", { value: opts.sqrt, enumerable: true });
      if (typeof opts.isLE === "boolean")
        this.isLE = opts.isLE;
      if (opts.allowedLengths)
        this._lengths = Object.freeze(opts.allowedLengths.slice());
      if (typeof opts.modFromBytes === "boolean")
        this._mod = opts.modFromBytes;
    }
    const { nBitLength, nByteLength } = nLength(ORDER, _nbitLength);
    if (nByteLength > 2048)
      throw new Error("invalid field: expected ORDER of <= 2048 bytes");
    this.ORDER = ORDER;
    this.BITS = nBitLength;
    this.BYTES = nByteLength;
    Object.freeze(this);
  }
  create(num) {
    return mod(num, this.ORDER);
  }
  isValid(num) {
    if (typeof num !== "bigint")
      throw new TypeError("invalid field element: expected bigint, got " + typeof num);
    return _0n2 <= num && num < this.ORDER;
  }
  is0(num) {
    return num === _0n2;
  }
  // is valid and invertible
  isValidNot0(num) {
    return !this.is0(num) && this.isValid(num);
  }
  isOdd(num) {
    return (num & _1n2) === _1n2;
  }
  neg(num) {
    return mod(-num, this.ORDER);
  }
  eql(lhs, rhs) {
    return lhs === rhs;
  }
  sqr(num) {
    return mod(num * num, this.ORDER);
  }
  add(lhs, rhs) {
    return mod(lhs + rhs, this.ORDER);
  }
  sub(lhs, rhs) {
    return mod(lhs - rhs, this.ORDER);
  }
  mul(lhs, rhs) {
    return mod(lhs * rhs, this.ORDER);
  }
  pow(num, power) {
    return pow(num, power, this.ORDER);
  }
  div(lhs, rhs) {
    return mod(lhs * invert(rhs, this.ORDER), this.ORDER);
  }
  // Same as above, but doesn't normalize
  sqrN(num) {
    return num * num;
  }
  addN(lhs, rhs) {
    return lhs + rhs;
  }
  subN(lhs, rhs) {
    return lhs - rhs;
  }
  mulN(lhs, rhs) {
    return lhs * rhs;
  }
  inv(num) {
    return invert(num, this.ORDER);
  }
  sqrt(num) {
    let sqrt = FIELD_SQRT.get(this);
    if (!sqrt)
      FIELD_SQRT.set(this, sqrt = FpSqrt(this.ORDER));
    return sqrt(this, num);
  }
  toBytes(num) {
    return this.isLE ? numberToBytesLE(num, this.BYTES) : numberToBytesBE(num, this.BYTES);
  }
  fromBytes(bytes, skipValidation = false) {
    abytes2(bytes);
    const { _lengths: allowedLengths, BYTES, isLE, ORDER, _mod: modFromBytes } = this;
    if (allowedLengths) {
      if (bytes.length < 1 || !allowedLengths.includes(bytes.length) || bytes.length > BYTES) {
        throw new Error("Field.fromBytes: expected " + allowedLengths + " bytes, got " + bytes.length);
      }
      const padded = new Uint8Array(BYTES);
      padded.set(bytes, isLE ? 0 : padded.length - bytes.length);
      bytes = padded;
    }
    if (bytes.length !== BYTES)
      throw new Error("Field.fromBytes: expected " + BYTES + " bytes, got " + bytes.length);
    let scalar = isLE ? bytesToNumberLE(bytes) : bytesToNumberBE(bytes);
    if (modFromBytes)
      scalar = mod(scalar, ORDER);
    if (!skipValidation) {
      if (!this.isValid(scalar))
        throw new Error("invalid field element: outside of range 0..ORDER");
    }
    return scalar;
  }
  // TODO: we don't need it here, move out to separate fn
  invertBatch(lst) {
    return FpInvertBatch(this, lst, true);
  }
  // We can't move this out because Fp6, Fp12 implement it
  // and it's unclear what to return in there.
  cmov(a, b, condition) {
    abool(condition, "condition");
    return condition ? b : a;
  }
};
function Field(ORDER, opts = {}) {
  Object.freeze(_Field.prototype);
  return new _Field(ORDER, opts);
}

// node_modules/@noble/curves/abstract/curve.js
var _0n3 = /* @__PURE__ */ BigInt(0);
var _1n3 = /* @__PURE__ */ BigInt(1);
var _4n2 = /* @__PURE__ */ BigInt(4);
var BLIND_BYTES = 16;
var BLIND_BITS = 128;
var FW_WINDOW = 5;
var TABLE_BYTES_MAX = /* @__PURE__ */ (() => 2 ** 31)();
function validatePointCons(Point2) {
  const pc = Point2;
  if (typeof pc !== "function")
    throw new TypeError('"Point" expected constructor, got type=' + typeof Point2);
  afunction(pc.fromAffine, "Point.fromAffine");
  afunction(pc.fromBytes, "Point.fromBytes");
  afunction(pc.fromHex, "Point.fromHex");
  aobject2(pc.BASE, "Point.BASE");
  aobject2(pc.ZERO, "Point.ZERO");
  validateField(pc.Fp);
  validateField(pc.Fn);
}
function normalizeZ(c, points) {
  validatePointCons(c);
  validateMSMPoints(points, c);
  const invertedZs = FpInvertBatch(c.Fp, points.map((p) => p.Z));
  return points.map((p, i) => c.fromAffine(p.toAffine(invertedZs[i])));
}
function validateW(W, bits, min = 1) {
  if (!Number.isSafeInteger(W) || W < min || W > bits)
    throw new Error("invalid window size, expected [" + min + ".." + bits + "], got W=" + W);
}
function validateTableBytes(numPoints, fpBytes) {
  const bytes = numPoints * (4 * fpBytes + 128);
  if (bytes > TABLE_BYTES_MAX)
    throw new Error("invalid window size: table would need ~" + Math.ceil(bytes / 2 ** 20) + " MiB, max " + TABLE_BYTES_MAX / 2 ** 20 + " MiB");
}
function probeRandomBytes(randomBytes3, length) {
  if (randomBytes3 === void 0)
    return void 0;
  afunction(randomBytes3, "randomBytes");
  try {
    const probe = randomBytes3(length);
    if (!isBytes2(probe) || probe.length !== length)
      return void 0;
  } catch {
    return void 0;
  }
  return randomBytes3;
}
function validateMSMPoints(points, c) {
  aarray(points, "points");
  points.forEach((p, i) => {
    if (!(p instanceof c))
      throw new Error("invalid point at index " + i);
  });
}
function validateMSMScalars(scalars, field, maxScalar) {
  if (!Array.isArray(scalars))
    throw new Error("array of scalars expected");
  scalars.forEach((s, i) => {
    const ok = maxScalar === void 0 ? field.isValid(s) : isPosBig(s) && s < maxScalar;
    if (!ok)
      throw new Error("invalid scalar at index " + i);
  });
}
var pointWindowSizes = /* @__PURE__ */ new WeakMap();
function getWindowSize(P2) {
  return pointWindowSizes.get(P2) || 1;
}
function oddMultiples(p, size) {
  const dbl = p.double();
  const t = [p];
  for (let j2 = 1; j2 < size; j2++)
    t.push(t[j2 - 1].add(dbl));
  return t;
}
function wnafDigits(n, W) {
  const size = 2 ** W;
  const half = size / 2;
  const mask = BigInt(size - 1);
  const d = [];
  while (n > _0n3) {
    let w = 0;
    if (n & _1n3) {
      w = Number(n & mask);
      if (w >= half)
        w -= size;
      n -= BigInt(w);
    }
    d.push(w);
    n >>= _1n3;
  }
  return d;
}
function signedWindowDigits(n, W, windows) {
  const size = 2 ** W;
  const half = size / 2;
  const mask = BigInt(size - 1);
  const shiftBy = BigInt(W);
  const d = [];
  for (let w = 0; w < windows; w++) {
    let v = Number(n & mask);
    n >>= shiftBy;
    if (v > half) {
      v -= size;
      n += _1n3;
    }
    d.push(v);
  }
  if (n !== _0n3)
    throw new Error("invalid wnaf");
  return d;
}
function wnafWalk(zero, tables, digits) {
  let max = 0;
  for (const d of digits)
    max = Math.max(max, d.length);
  let acc = zero;
  for (let bit = max - 1; bit >= 0; bit--) {
    if (bit !== max - 1)
      acc = acc.double();
    for (let i = 0; i < digits.length; i++) {
      const w = digits[i][bit];
      if (w) {
        const item = tables[i][Math.abs(w) - 1 >> 1];
        acc = acc.add(w < 0 ? item.negate() : item);
      }
    }
  }
  return acc;
}
var ScalarMultiplier = class {
  Point;
  BASE;
  ZERO;
  randomBytes;
  wnafPrecomputes = /* @__PURE__ */ new WeakMap();
  baseCanBeBlinded;
  bits;
  // Parametrized with a given Point class (not individual point)
  constructor(Point2, randomBytes3) {
    validatePointCons(Point2);
    this.randomBytes = probeRandomBytes(randomBytes3, BLIND_BYTES);
    this.Point = Point2;
    this.BASE = Point2.BASE;
    this.ZERO = Point2.ZERO;
    this.bits = Point2.Fn.BITS;
  }
  /**
   * Creates a signed fixed-window wNAF precomputation table: for every window w, the
   * multiples `[1..2^(W−1)]⋅2^(w⋅W)⋅P`, flattened. All doublings are baked into the table,
   * so cached multiplication is additions-only. `windows = ceil(bits/W) + 1`: the extra
   * window absorbs the final carry of signed-digit recoding.
   * For a 256-bit curve and W=6, the table is 44⋅32 = 1408 points.
   * @param point - Point instance
   * @param W - window size
   * @param bits - scalar bitlength the table must cover
   */
  buildWnafTable(point, W, bits) {
    const windows = Math.ceil(bits / W) + 1;
    const half = 2 ** (W - 1);
    const comp = [];
    let base = point;
    for (let w = 0; w < windows; w++) {
      let acc = base;
      for (let i = 0; i < half; i++) {
        comp.push(acc);
        acc = acc.add(base);
      }
      base = comp[comp.length - 1].double();
    }
    return { W, bits, windows, comp };
  }
  /**
   * Implements ec multiplication using precomputed signed fixed-window wNAF tables.
   * Constant-time: fixed window count with one table addition per window — zero digits feed
   * the fake accumulator — and no doublings; the lookup scans the whole window slice.
   * Scalar bounds are validated by the public entry points ({@link ScalarMultiplier.mulCT},
   * {@link ScalarMultiplier.mulCTBlinded}, {@link ScalarMultiplier.mulUnsafe});
   * signedWindowDigits throws if `n` exceeds the table.
   * @returns real and fake (for const-time) points
   */
  wnafCachedCT(precomputes, n) {
    const { W, windows, comp } = precomputes;
    const half = 2 ** (W - 1);
    const digits = signedWindowDigits(n, W, windows);
    let p = this.ZERO;
    let f = this.BASE;
    for (let w = 0; w < windows; w++) {
      const digit = digits[w];
      const start = w * half;
      const idx = Math.abs(digit) - 1;
      let sel = comp[start];
      for (let i = 1; i < half; i++)
        sel = i === idx ? comp[start + i] : sel;
      const neg = sel.negate();
      if (digit === 0)
        f = f.add(comp[start]);
      else
        p = p.add(digit < 0 ? neg : sel);
    }
    return { p, f };
  }
  // Cache key is point identity plus (W, bits); at most two entries exist per point (public-width
  // `Fn.BITS` and blinded `Fn.BITS + BLIND_BITS`). Callers must not reuse the same point with
  // incompatible `transform(...)` layouts and expect a separate cache entry.
  getWnafPrecomputes(W, point, bits, transform) {
    let entries = this.wnafPrecomputes.get(point);
    let comp = entries?.find((entry) => entry.W === W && entry.bits === bits);
    if (!comp) {
      comp = this.buildWnafTable(point, W, bits);
      if (typeof transform === "function")
        comp = { ...comp, comp: transform(comp.comp) };
      if (!entries) {
        entries = [];
        this.wnafPrecomputes.set(point, entries);
      }
      entries.push(comp);
    }
    return comp;
  }
  assertPoint(point) {
    if (!(point instanceof this.Point))
      throw new TypeError('"point" expected Point instance, got type=' + typeof point);
  }
  // Shared prologue of the constant-time entry points. Rejects scalar 0: in key/signature-style
  // callers a zero scalar means broken upstream plumbing, and concrete Points already reject it.
  // Uses inRange instead of Fn.isValidNot0: validateField() only certifies the arithmetic subset.
  validateMulInput(point, scalar) {
    this.assertPoint(point);
    if (!inRange(scalar, _1n3, this.Point.Fn.ORDER))
      throw new Error("invalid scalar");
  }
  // Constant-time dispatch shared by mulCT / mulCTBlinded. Un-precomputed points (W===1, e.g.
  // ECDH peer keys) skip building a throwaway cached table in favor of a small fixed-window
  // multiply. `n` must be < 2^bits.
  runCT(point, n, bits, transform) {
    const W = getWindowSize(point);
    if (W === 1)
      return this.fixedWindowCT(point, n, bits);
    return this.wnafCachedCT(this.getWnafPrecomputes(W, point, bits, transform), n);
  }
  mulCT(point, scalar, transform) {
    this.validateMulInput(point, scalar);
    return this.runCT(point, scalar, this.bits, transform);
  }
  mulCTBlinded(point, scalar, transform) {
    this.validateMulInput(point, scalar);
    if (this.randomBytes === void 0)
      throw new Error("randomBytes is required for scalar blinding");
    const bits = this.Point.Fn.BITS + BLIND_BITS;
    const blind = this.randomBytes(BLIND_BYTES);
    if (!isBytes2(blind) || blind.length !== BLIND_BYTES)
      throw new Error("randomBytes returned invalid byte array");
    blind[0] = blind[0] & 63 | 128;
    const n = scalar + bytesToNumberBE(blind) * this.Point.Fn.ORDER;
    return this.runCT(point, n, bits, transform);
  }
  /**
   * Constant-time multiplication `n*point` for an un-precomputed point, via a small fixed window.
   * A cached wNAF table only pays off when reused; a flat 2^FW_WINDOW table (`size-1` adds) is
   * far cheaper to build for a single use. The point-operation sequence is independent of `n`:
   * build the table, then per window exactly FW_WINDOW doublings, a data-oblivious scan over
   * every table entry, and one addition (adds the identity when the window digit is 0 — never
   * skipped).
   *
   * `n` must be `< 2^bits`. Assumes complete addition (adding the identity costs the same as any
   * add), which holds for the Weierstrass/Edwards point types used here. The table is left in
   * projective form (no normalizeZ): normalizing this small a table costs more than the
   * mixed-add savings it would buy for a single multiply.
   * @returns real point `p`; `f` duplicates it only to match {@link wnafCachedCT}'s return shape
   * (this path needs no fake accumulator — its op-count is already scalar-independent).
   */
  fixedWindowCT(point, n, bits) {
    const W = FW_WINDOW;
    const size = 1 << W;
    const mask = bitMask(W);
    const table = new Array(size);
    table[0] = this.ZERO;
    for (let i = 1; i < size; i++)
      table[i] = table[i - 1].add(point);
    const windows = Math.ceil(bits / W);
    let acc = this.ZERO;
    for (let window = windows - 1; window >= 0; window--) {
      if (window !== windows - 1)
        for (let d = 0; d < W; d++)
          acc = acc.double();
      const digit = Number(n >> BigInt(window * W) & mask);
      let sel = table[0];
      for (let i = 1; i < size; i++)
        sel = i === digit ? table[i] : sel;
      acc = acc.add(sel);
    }
    return { p: acc, f: acc };
  }
  shouldBlind(point, cofactor) {
    if (this.randomBytes === void 0)
      return false;
    if (cofactor === _1n3)
      return true;
    if (point !== this.BASE)
      return false;
    if (this.baseCanBeBlinded === void 0)
      this.baseCanBeBlinded = this.mulUnsafe(this.BASE, this.Point.Fn.ORDER).is0();
    return this.baseCanBeBlinded;
  }
  mulSecret(point, scalar, cofactor, transform) {
    return this.shouldBlind(point, cofactor) ? this.mulCTBlinded(point, scalar, transform) : this.mulCT(point, scalar, transform);
  }
  mulUnsafe(point, scalar, transform) {
    this.assertPoint(point);
    if (!isPosBig(scalar))
      throw new Error("invalid scalar");
    const W = getWindowSize(point);
    if (W === 1 || scalar >= this.Point.Fn.ORDER)
      return mulAddUnsafe(this.Point, [point], [scalar], true);
    const precomputes = this.getWnafPrecomputes(W, point, this.bits, transform);
    return this.wnafCachedCT(precomputes, scalar).p;
  }
  // Remembers the window size used for precomputed wNAF multiplication of the given point
  // and drops any previously built tables. Usually only the base point is precomputed.
  // W=1 resets the point to the un-precomputed (table-less) paths.
  // W is additionally capped so tables stay under ~2 GiB ({@link TABLE_BYTES_MAX}).
  setWindowSize(point, W) {
    this.assertPoint(point);
    validateW(W, this.bits);
    const windows = Math.ceil((this.bits + BLIND_BITS) / W) + 1;
    validateTableBytes(windows * 2 ** (W - 1), this.Point.Fp.BYTES);
    pointWindowSizes.set(point, W);
    this.wnafPrecomputes.delete(point);
  }
  // True when a window size is set: tables themselves are built lazily on first multiply.
  hasWindowSize(point) {
    return getWindowSize(point) !== 1;
  }
};
function mulAddUnsafe(c, points, scalars, allowOversized = false) {
  validatePointCons(c);
  validateMSMPoints(points, c);
  abool(allowOversized, "allowOversized");
  validateMSMScalars(scalars, c.Fn, allowOversized ? c.Fn.ORDER ** _4n2 : void 0);
  if (points.length !== scalars.length)
    throw new Error("arrays of points and scalars must have equal length");
  const tables = points.map((p) => oddMultiples(p, 4));
  const digits = scalars.map((n) => wnafDigits(n, 4));
  return wnafWalk(c.ZERO, tables, digits);
}
function createField(order, field, isLE) {
  if (field) {
    if (field.ORDER !== order)
      throw new Error("Field.ORDER must match order: Fp == p, Fn == n");
    validateField(field);
    return field;
  } else {
    return Field(order, { isLE });
  }
}
function createCurveFields(type, CURVE, curveOpts = {}, FpFnLE) {
  if (type !== "weierstrass" && type !== "edwards")
    throw new Error('expected curve type "weierstrass" or "edwards"');
  if (FpFnLE === void 0)
    FpFnLE = type === "edwards";
  if (!CURVE || typeof CURVE !== "object")
    throw new Error(`expected valid ${type} CURVE object`);
  validateObject(curveOpts);
  for (const p of ["p", "n", "h"]) {
    const val = CURVE[p];
    if (!(isPosBig(val) && val !== _0n3))
      throw new Error(`CURVE.${p} must be positive bigint`);
  }
  const Fp2 = createField(CURVE.p, curveOpts.Fp, FpFnLE);
  const Fn = createField(CURVE.n, curveOpts.Fn, FpFnLE);
  const _b = type === "weierstrass" ? "b" : "d";
  const params = ["Gx", "Gy", "a", _b];
  for (const p of params) {
    if (!Fp2.isValid(CURVE[p]))
      throw new Error(`CURVE.${p} must be valid field element of CURVE.Fp`);
  }
  CURVE = Object.freeze(Object.assign({}, CURVE));
  return { CURVE, Fp: Fp2, Fn };
}
function createKeygen(randomSecretKey, getPublicKey) {
  return function keygen(seed) {
    const secretKey = randomSecretKey(seed);
    return { secretKey, publicKey: getPublicKey(secretKey) };
  };
}

// node_modules/@noble/curves/abstract/edwards.js
var _0n4 = /* @__PURE__ */ BigInt(0);
var _1n4 = /* @__PURE__ */ BigInt(1);
var _2n2 = /* @__PURE__ */ BigInt(2);
var _4n3 = /* @__PURE__ */ BigInt(4);
var _8n2 = /* @__PURE__ */ BigInt(8);
function isEdValidXY(Fp2, CURVE, x2, y) {
  const x22 = Fp2.sqr(x2);
  const y2 = Fp2.sqr(y);
  const left = Fp2.add(Fp2.mul(CURVE.a, x22), y2);
  const right = Fp2.add(Fp2.ONE, Fp2.mul(CURVE.d, Fp2.mul(x22, y2)));
  return Fp2.eql(left, right);
}
function edwards(params, extraOpts = {}) {
  validateObject(extraOpts, {}, {}, "extraOpts");
  const opts = extraOpts;
  const validated = createCurveFields("edwards", params, opts, opts.FpFnLE);
  const { Fp: Fp2, Fn } = validated;
  let CURVE = validated.CURVE;
  const { h: cofactor } = CURVE;
  if (FpLegendre(Fp2, CURVE.a) !== 1)
    throw new Error("edwards: CURVE.a must be a square in Fp for complete addition formulas");
  if (FpLegendre(Fp2, CURVE.d) !== -1)
    throw new Error("edwards: CURVE.d must be a non-square in Fp for complete addition formulas");
  validateObject(opts, {}, { uvRatio: "function", randomBytes: "function" });
  const randomBytes3 = opts.randomBytes === void 0 ? randomBytes2 : opts.randomBytes;
  const MASK = _2n2 << BigInt(Fp2.BYTES * 8) - _1n4;
  function isOdd(n) {
    if (!Fp2.isOdd)
      throw new Error("Field does not have .isOdd()");
    return Fp2.isOdd(n);
  }
  const uvRatio2 = opts.uvRatio === void 0 ? (u, v) => {
    try {
      return { isValid: true, value: Fp2.sqrt(Fp2.div(u, v)) };
    } catch (e) {
      return { isValid: false, value: _0n4 };
    }
  } : opts.uvRatio;
  if (!isEdValidXY(Fp2, CURVE, CURVE.Gx, CURVE.Gy))
    throw new Error("bad curve params: generator point");
  const mulA = Fp2.eql(CURVE.a, Fp2.neg(Fp2.ONE)) ? (x2) => Fp2.neg(x2) : Fp2.eql(CURVE.a, Fp2.ONE) ? (x2) => x2 : (x2) => Fp2.mul(CURVE.a, x2);
  function acoord(title, n, banZero = false) {
    const min = banZero ? _1n4 : _0n4;
    aInRange("coordinate " + title, n, min, MASK);
    return n;
  }
  function aedpoint(other) {
    if (!(other instanceof Point2))
      throw new Error("EdwardsPoint expected");
  }
  class Point2 {
    static BASE = new Point2(CURVE.Gx, CURVE.Gy, Fp2.ONE, Fp2.mul(CURVE.Gx, CURVE.Gy));
    static ZERO = new Point2(Fp2.ZERO, Fp2.ONE, Fp2.ONE, Fp2.ZERO);
    static Fp = Fp2;
    static Fn = Fn;
    X;
    Y;
    Z;
    T;
    constructor(X, Y, Z, T) {
      this.X = acoord("x", X);
      this.Y = acoord("y", Y);
      this.Z = acoord("z", Z, true);
      this.T = acoord("t", T);
      Object.freeze(this);
    }
    static CURVE() {
      return CURVE;
    }
    /**
     * Create one extended Edwards point from affine coordinates.
     * Does NOT validate that the point is on-curve or torsion-free.
     * Use `.assertValidity()` on adversarial inputs.
     */
    static fromAffine(p) {
      if (p instanceof Point2)
        throw new Error("extended point not allowed");
      const { x: x2, y } = p || {};
      acoord("x", x2);
      acoord("y", y);
      return new Point2(x2, y, Fp2.ONE, Fp2.mul(x2, y));
    }
    // Uses algo from RFC8032 5.1.3.
    static fromBytes(bytes, zip215 = false) {
      const len = Fp2.BYTES;
      const { a, d } = CURVE;
      bytes = copyBytes(abytes2(bytes, len, "point"));
      abool(zip215, "zip215");
      const normed = copyBytes(bytes);
      const lastByte = bytes[len - 1];
      normed[len - 1] = lastByte & ~128;
      const y = bytesToNumberLE(normed);
      const max = zip215 ? MASK : Fp2.ORDER;
      aInRange("point.y", y, _0n4, max);
      const y2 = Fp2.sqr(y);
      const u = Fp2.sub(y2, Fp2.ONE);
      const v = Fp2.sub(Fp2.mulN(d, y2), a);
      let { isValid, value: x2 } = uvRatio2(u, v);
      if (!isValid)
        throw new Error("bad point: invalid y coordinate");
      const isXOdd = isOdd(x2);
      const isLastByteOdd = (lastByte & 128) !== 0;
      if (!zip215 && Fp2.is0(x2) && isLastByteOdd)
        throw new Error("bad point: x=0 and x_0=1");
      if (isLastByteOdd !== isXOdd)
        x2 = Fp2.neg(x2);
      return Point2.fromAffine({ x: x2, y });
    }
    static fromHex(hex, zip215 = false) {
      return Point2.fromBytes(hexToBytes2(hex), zip215);
    }
    get x() {
      return this.toAffine().x;
    }
    get y() {
      return this.toAffine().y;
    }
    precompute(windowSize = 6, isLazy = true) {
      wnaf.setWindowSize(this, windowSize);
      if (!isLazy)
        this.multiply(_2n2);
      return this;
    }
    // Useful in fromAffine() - not for fromBytes(), which always created valid points.
    assertValidity() {
      const p = this;
      const { a, d } = CURVE;
      if (p.is0())
        throw new Error("bad point: ZERO");
      const { X, Y, Z, T } = p;
      const X2 = Fp2.sqr(X);
      const Y2 = Fp2.sqr(Y);
      const Z2 = Fp2.sqr(Z);
      const Z4 = Fp2.sqr(Z2);
      const aX2 = Fp2.mul(X2, a);
      const left = Fp2.mul(Fp2.add(aX2, Y2), Z2);
      const right = Fp2.add(Z4, Fp2.mul(d, Fp2.mul(X2, Y2)));
      if (!Fp2.eql(left, right))
        throw new Error("bad point: equation left != right (1)");
      const XY = Fp2.mul(X, Y);
      const ZT = Fp2.mul(Z, T);
      if (!Fp2.eql(XY, ZT))
        throw new Error("bad point: equation left != right (2)");
    }
    // Compare one point to another.
    equals(other) {
      aedpoint(other);
      const { X: X1, Y: Y1, Z: Z1 } = this;
      const { X: X2, Y: Y2, Z: Z2 } = other;
      const X1Z2 = Fp2.mul(X1, Z2);
      const X2Z1 = Fp2.mul(X2, Z1);
      const Y1Z2 = Fp2.mul(Y1, Z2);
      const Y2Z1 = Fp2.mul(Y2, Z1);
      return Fp2.eql(X1Z2, X2Z1) && Fp2.eql(Y1Z2, Y2Z1);
    }
    is0() {
      return this.equals(Point2.ZERO);
    }
    negate() {
      return new Point2(Fp2.neg(this.X), this.Y, this.Z, Fp2.neg(this.T));
    }
    // Fast algo for doubling Extended Point.
    // https://hyperelliptic.org/EFD/g1p/auto-twisted-extended.html#doubling-dbl-2008-hwcd
    // Cost: 4M + 4S + 1*a + 6add + 1*2.
    double() {
      const { X: X1, Y: Y1, Z: Z1 } = this;
      const A = Fp2.sqr(X1);
      const B = Fp2.sqr(Y1);
      const C = Fp2.mul(Fp2.sqr(Z1), _2n2);
      const D = mulA(A);
      const x1y1 = Fp2.addN(X1, Y1);
      const E = Fp2.sub(Fp2.subN(Fp2.sqr(x1y1), A), B);
      const G2 = Fp2.addN(D, B);
      const F = Fp2.subN(G2, C);
      const H = Fp2.subN(D, B);
      const X3 = Fp2.mul(E, F);
      const Y3 = Fp2.mul(G2, H);
      const T3 = Fp2.mul(E, H);
      const Z3 = Fp2.mul(F, G2);
      return new Point2(X3, Y3, Z3, T3);
    }
    // Fast algo for adding 2 Extended Points.
    // https://hyperelliptic.org/EFD/g1p/auto-twisted-extended.html#addition-add-2008-hwcd
    // Cost: 9M + 1*a + 1*d + 7add.
    add(other) {
      aedpoint(other);
      const { d } = CURVE;
      const { X: X1, Y: Y1, Z: Z1, T: T1 } = this;
      const { X: X2, Y: Y2, Z: Z2, T: T2 } = other;
      const A = Fp2.mul(X1, X2);
      const B = Fp2.mul(Y1, Y2);
      const C = Fp2.mul(Fp2.mulN(T1, d), T2);
      const D = Fp2.mul(Z1, Z2);
      const E = Fp2.sub(Fp2.subN(Fp2.mulN(Fp2.addN(X1, Y1), Fp2.addN(X2, Y2)), A), B);
      const F = Fp2.subN(D, C);
      const G2 = Fp2.addN(D, C);
      const H = Fp2.sub(B, mulA(A));
      const X3 = Fp2.mul(E, F);
      const Y3 = Fp2.mul(G2, H);
      const T3 = Fp2.mul(E, H);
      const Z3 = Fp2.mul(F, G2);
      return new Point2(X3, Y3, Z3, T3);
    }
    subtract(other) {
      aedpoint(other);
      return this.add(other.negate());
    }
    // Constant-time multiplication.
    multiply(scalar) {
      if (!Fn.isValidNot0(scalar))
        throw new RangeError("invalid scalar: expected 1 <= sc < curve.n");
      const { p, f } = wnaf.mulSecret(this, scalar, cofactor, normalize);
      return normalize([p, f])[0];
    }
    // Non-constant-time multiplication. Uses double-and-add algorithm.
    // It's faster, but should only be used when you don't care about
    // an exposed private key e.g. sig verification.
    // Keeps the same subgroup-scalar contract: 0 is allowed for public-scalar callers, but
    // n and larger values are rejected instead of being reduced mod n to the identity point.
    multiplyUnsafe(scalar) {
      if (!Fn.isValid(scalar))
        throw new RangeError("invalid scalar: expected 0 <= sc < curve.n");
      if (scalar === _0n4)
        return Point2.ZERO;
      if (this.is0() || scalar === _1n4)
        return this;
      return wnaf.mulUnsafe(this, scalar, normalize);
    }
    // Checks if point is of small order.
    // If you add something to small order point, you will have "dirty"
    // point with torsion component.
    // Clears cofactor and checks if the result is 0.
    isSmallOrder() {
      return this.clearCofactor().is0();
    }
    // Multiplies point by curve order and checks if the result is 0.
    // Returns `false` is the point is dirty.
    isTorsionFree() {
      return wnaf.mulUnsafe(this, CURVE.n).is0();
    }
    // Converts Extended point to default (x, y) coordinates.
    // Can accept precomputed Z^-1 - for example, from invertBatch.
    toAffine(invertedZ) {
      const p = this;
      let iz = invertedZ;
      if (iz != null && typeof iz !== "bigint")
        throw new TypeError('"invertedZ" expected bigint, got type=' + typeof iz);
      const { X, Y, Z } = p;
      const is0 = p.is0();
      if (iz == null)
        iz = is0 ? Fp2.create(_8n2) : Fp2.inv(Z);
      const x2 = Fp2.mul(X, iz);
      const y = Fp2.mul(Y, iz);
      const zz = Fp2.mul(Z, iz);
      if (is0)
        return { x: Fp2.ZERO, y: Fp2.ONE };
      if (!Fp2.eql(zz, Fp2.ONE))
        throw new Error("invZ was invalid");
      return { x: x2, y };
    }
    clearCofactor() {
      if (cofactor === _1n4)
        return this;
      if (cofactor === _2n2)
        return this.double();
      if (cofactor === _4n3)
        return this.double().double();
      if (cofactor === _8n2)
        return this.double().double().double();
      return this.multiplyUnsafe(cofactor);
    }
    toBytes() {
      const { x: x2, y } = this.toAffine();
      const bytes = Fp2.toBytes(y);
      bytes[bytes.length - 1] |= isOdd(x2) ? 128 : 0;
      return bytes;
    }
    toHex() {
      return bytesToHex2(this.toBytes());
    }
    toString() {
      return `<Point ${this.is0() ? "ZERO" : this.toHex()}>`;
    }
  }
  const normalize = (points) => normalizeZ(Point2, points);
  const wnaf = new ScalarMultiplier(Point2, randomBytes3);
  if (wnaf.bits >= 6)
    Point2.BASE.precompute(6);
  Object.freeze(Point2.prototype);
  Object.freeze(Point2);
  return Point2;
}
function eddsa(Point2, cHash, eddsaOpts = {}) {
  validatePointCons(Point2);
  if (typeof cHash !== "function")
    throw new Error('"hash" function param is required');
  const hash = cHash;
  const opts = eddsaOpts;
  validateObject(opts, {}, {
    adjustScalarBytes: "function",
    randomBytes: "function",
    domain: "function",
    prehash: "function",
    zip215: "boolean",
    mapToCurve: "function",
    toMontgomery: "function",
    toMontgomerySecret: "function"
  });
  const { prehash } = opts;
  const { BASE, Fp: Fp2, Fn } = Point2;
  const outputLen = hash.outputLen;
  const expectedLen = 2 * Fp2.BYTES;
  if (outputLen !== void 0) {
    asafenumber(outputLen, "hash.outputLen");
    if (outputLen !== expectedLen)
      throw new Error(`hash.outputLen must be ${expectedLen}, got ${outputLen}`);
  }
  const randomBytes3 = opts.randomBytes === void 0 ? randomBytes2 : opts.randomBytes;
  const toMontgomery2 = opts.toMontgomery;
  const toMontgomerySecret2 = opts.toMontgomerySecret;
  const adjustScalarBytes2 = opts.adjustScalarBytes === void 0 ? (bytes) => bytes : opts.adjustScalarBytes;
  const domain = opts.domain === void 0 ? (data, ctx, phflag) => {
    abool(phflag, "phflag");
    if (ctx.length || phflag)
      throw new Error("Contexts/pre-hash are not supported");
    return data;
  } : opts.domain;
  function modN_LE(hash2) {
    return Fn.create(bytesToNumberLE(hash2));
  }
  function getPrivateScalar(key) {
    const len = lengths.secretKey;
    abytes2(key, lengths.secretKey, "secretKey");
    const hashed = abytes2(hash(key), 2 * len, "hashedSecretKey");
    const head = adjustScalarBytes2(hashed.slice(0, len));
    const prefix = hashed.slice(len, 2 * len);
    const scalar = modN_LE(head);
    return { head, prefix, scalar };
  }
  function getExtendedPublicKey(secretKey) {
    const { head, prefix, scalar } = getPrivateScalar(secretKey);
    const point = BASE.multiply(scalar);
    const pointBytes = point.toBytes();
    return { head, prefix, scalar, point, pointBytes };
  }
  function getPublicKey(secretKey) {
    return getExtendedPublicKey(secretKey).pointBytes;
  }
  function hashDomainToScalar(context = Uint8Array.of(), ...msgs) {
    const msg = concatBytes3(...msgs);
    return modN_LE(hash(domain(msg, abytes2(context, void 0, "context"), !!prehash)));
  }
  function sign(msg, secretKey, options = {}) {
    validateObject(options, {}, {}, "options");
    msg = copyBytes(abytes2(msg, void 0, "message"));
    if (prehash)
      msg = prehash(msg);
    const { prefix, scalar, pointBytes } = getExtendedPublicKey(secretKey);
    const r = hashDomainToScalar(options.context, prefix, msg);
    const R = BASE.multiply(r).toBytes();
    const k = hashDomainToScalar(options.context, R, pointBytes, msg);
    const s = Fn.create(r + k * scalar);
    if (!Fn.isValid(s))
      throw new Error("sign failed: invalid s");
    const rs = concatBytes3(R, Fn.toBytes(s));
    return abytes2(rs, lengths.signature, "result");
  }
  const verifyOpts = {
    zip215: opts.zip215
  };
  function verify(sig, msg, publicKey, options = verifyOpts) {
    validateObject(options);
    const { context } = options;
    const zip215 = options.zip215 === void 0 ? !!verifyOpts.zip215 : options.zip215;
    const len = lengths.signature;
    sig = abytes2(sig, len, "signature");
    msg = abytes2(msg, void 0, "message");
    publicKey = abytes2(publicKey, lengths.publicKey, "publicKey");
    if (zip215 !== void 0)
      abool(zip215, "zip215");
    if (prehash)
      msg = prehash(msg);
    const mid = len / 2;
    const r = sig.subarray(0, mid);
    const s = bytesToNumberLE(sig.subarray(mid, len));
    let A, R, SB;
    try {
      A = Point2.fromBytes(publicKey, zip215);
      R = Point2.fromBytes(r, zip215);
      SB = BASE.multiplyUnsafe(s);
    } catch (error) {
      return false;
    }
    if (!zip215 && A.isSmallOrder())
      return false;
    const k = hashDomainToScalar(context, r, publicKey, msg);
    const RkA = R.add(A.multiplyUnsafe(k));
    return RkA.subtract(SB).clearCofactor().is0();
  }
  const _size = Fp2.BYTES;
  const lengths = {
    secretKey: _size,
    publicKey: _size,
    signature: 2 * _size,
    seed: _size
  };
  function randomSecretKey(seed) {
    seed = seed === void 0 ? randomBytes3(lengths.seed) : seed;
    return abytes2(seed, lengths.seed, "seed");
  }
  function isValidSecretKey(key) {
    return isBytes2(key) && key.length === lengths.secretKey;
  }
  function isValidPublicKey(key, zip215) {
    try {
      return !!Point2.fromBytes(key, zip215 === void 0 ? verifyOpts.zip215 : zip215);
    } catch (error) {
      return false;
    }
  }
  const utils = {
    getExtendedPublicKey,
    randomSecretKey,
    isValidSecretKey,
    isValidPublicKey,
    /** Converts an Edwards public key to a companion Montgomery public key. */
    toMontgomery(publicKey) {
      if (toMontgomery2 === void 0)
        throw new Error("Montgomery conversion is not supported for this curve");
      return toMontgomery2(Point2.fromBytes(publicKey));
    },
    toMontgomerySecret(secretKey) {
      if (toMontgomerySecret2 === void 0)
        throw new Error("Montgomery conversion is not supported for this curve");
      return toMontgomerySecret2(secretKey);
    }
  };
  Object.freeze(lengths);
  Object.freeze(utils);
  return Object.freeze({
    keygen: createKeygen(randomSecretKey, getPublicKey),
    getPublicKey,
    sign,
    verify,
    utils,
    Point: Point2,
    lengths
  });
}

// node_modules/@noble/curves/ed25519.js
var _1n5 = /* @__PURE__ */ BigInt(1);
var _2n3 = /* @__PURE__ */ BigInt(2);
var _5n2 = /* @__PURE__ */ BigInt(5);
var _8n3 = /* @__PURE__ */ BigInt(8);
var ed25519_CURVE_p = /* @__PURE__ */ BigInt("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed");
var ed25519_CURVE = /* @__PURE__ */ (() => ({
  p: ed25519_CURVE_p,
  n: BigInt("0x1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed"),
  h: _8n3,
  a: BigInt("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffec"),
  d: BigInt("0x52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3"),
  Gx: BigInt("0x216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51a"),
  Gy: BigInt("0x6666666666666666666666666666666666666666666666666666666666666658")
}))();
function ed25519_pow_2_252_3(x2) {
  const _10n = BigInt(10), _20n = BigInt(20), _40n = BigInt(40), _80n = BigInt(80);
  const P2 = ed25519_CURVE_p;
  const x22 = x2 * x2 % P2;
  const b2 = x22 * x2 % P2;
  const b4 = pow2(b2, _2n3, P2) * b2 % P2;
  const b5 = pow2(b4, _1n5, P2) * x2 % P2;
  const b10 = pow2(b5, _5n2, P2) * b5 % P2;
  const b20 = pow2(b10, _10n, P2) * b10 % P2;
  const b40 = pow2(b20, _20n, P2) * b20 % P2;
  const b80 = pow2(b40, _40n, P2) * b40 % P2;
  const b160 = pow2(b80, _80n, P2) * b80 % P2;
  const b240 = pow2(b160, _80n, P2) * b80 % P2;
  const b250 = pow2(b240, _10n, P2) * b10 % P2;
  const pow_p_5_8 = pow2(b250, _2n3, P2) * x2 % P2;
  return { pow_p_5_8, b2 };
}
function adjustScalarBytes(bytes) {
  bytes[0] &= 248;
  bytes[31] &= 127;
  bytes[31] |= 64;
  return bytes;
}
var ED25519_SQRT_M1 = /* @__PURE__ */ BigInt("19681161376707505956807079304988542015446066515923890162744021073123829784752");
function uvRatio(u, v) {
  const P2 = ed25519_CURVE_p;
  const v3 = mod(v * v * v, P2);
  const v7 = mod(v3 * v3 * v, P2);
  const pow3 = ed25519_pow_2_252_3(u * v7).pow_p_5_8;
  let x2 = mod(u * v3 * pow3, P2);
  const vx2 = mod(v * x2 * x2, P2);
  const root1 = x2;
  const root2 = mod(x2 * ED25519_SQRT_M1, P2);
  const useRoot1 = vx2 === u;
  const useRoot2 = vx2 === mod(-u, P2);
  const noRoot = vx2 === mod(-u * ED25519_SQRT_M1, P2);
  if (useRoot1)
    x2 = root1;
  if (useRoot2 || noRoot)
    x2 = root2;
  if (isNegativeLE(x2, P2))
    x2 = mod(-x2, P2);
  return { isValid: useRoot1 || useRoot2, value: x2 };
}
var ed25519_Point = /* @__PURE__ */ edwards(ed25519_CURVE, { uvRatio });
var Fp = /* @__PURE__ */ (() => ed25519_Point.Fp)();
function toMontgomery(point) {
  const { y } = point;
  return Fp.toBytes(Fp.div(_1n5 + y, _1n5 - y));
}
function toMontgomerySecret(secretKey) {
  const size = ed25519_Point.Fp.BYTES;
  abytes(secretKey, size);
  return adjustScalarBytes(sha512(secretKey.subarray(0, size))).subarray(0, size);
}
function ed(opts) {
  return eddsa(ed25519_Point, sha512, Object.assign({ adjustScalarBytes, toMontgomery, toMontgomerySecret, zip215: true }, opts));
}
var ed25519 = /* @__PURE__ */ ed({});

// lib/core/log/ed25519-verify.ts
var { Point } = ed25519;
var L = Point.Fn.ORDER;
function verifyEd25519(publicKey, message, signature) {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  const r = signature.subarray(0, 32);
  const s = bytesToNumberLE(signature.subarray(32));
  if (s >= L) return false;
  let a;
  try {
    a = Point.fromBytes(publicKey, true);
  } catch {
    return false;
  }
  const k = bytesToNumberLE(sha512(concatBytes(r, publicKey, message))) % L;
  const expectedR = Point.BASE.multiplyUnsafe(s).subtract(a.multiplyUnsafe(k));
  return bytesEqual(expectedR.toBytes(), r);
}

// lib/core/log/commitment.ts
var SALT_SIZE = 32;
function commitValue(salt, value) {
  if (!(salt instanceof Uint8Array) || salt.length !== SALT_SIZE) {
    throw new InputError("bad-salt", `a salt is ${SALT_SIZE} bytes`);
  }
  if (typeof value !== "string") throw new InputError("bad-value", "a committed value must be a string");
  if (!isWellFormed(value)) {
    throw new InputError("bad-value", "a committed value must not contain lone surrogates");
  }
  return sha256Hash(concatBytes(salt, utf8(value)));
}
function isWellFormed(s) {
  return !new RegExp("\\p{Cs}", "u").test(s);
}

// lib/core/log/note-keys.ts
var ALG_ED25519 = 1;
var GO_SPACE = /[\t\n\x0b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
function isValidKeyName(name) {
  return name.length > 0 && isWellFormed(name) && !GO_SPACE.test(name) && !name.includes("+");
}
function keyId(name, publicKey, type = ALG_ED25519) {
  const digest = sha256(concatBytes(utf8(name), Uint8Array.of(10, type), publicKey));
  return (digest[0] << 24 | digest[1] << 16 | digest[2] << 8 | digest[3]) >>> 0;
}
function formatKeyId(id) {
  return id.toString(16).padStart(8, "0");
}
function parseKeyText(text2, what, types = [ALG_ED25519]) {
  const first = text2.indexOf("+");
  const second = text2.indexOf("+", first + 1);
  if (first < 0 || second < 0) throw new FormatError("bad-key", `malformed ${what} key`);
  const name = text2.slice(0, first);
  const idHex = text2.slice(first + 1, second);
  const keyB64 = text2.slice(second + 1);
  if (!isValidKeyName(name)) throw new FormatError("bad-key", `malformed ${what} key: invalid name`);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw new FormatError("bad-key", `malformed ${what} key: key ID is not 8 hex digits`);
  let raw;
  try {
    raw = fromBase64(keyB64);
  } catch {
    throw new FormatError("bad-key", `malformed ${what} key: bad base64`);
  }
  if (raw.length !== 33 || !types.includes(raw[0])) {
    const allowed = types.map((t) => `0x${t.toString(16).padStart(2, "0")}`).join(" or ");
    throw new FormatError("bad-key", `unsupported ${what} key: only Ed25519 (type ${allowed}, 32 bytes) is supported`);
  }
  return { name, id: parseInt(idHex, 16), type: raw[0], key: raw.subarray(1) };
}
function parseVerifierKey(text2) {
  const { name, id, key } = parseKeyText(text2, "verifier");
  if (keyId(name, key) !== id) throw new FormatError("key-id-mismatch", "verifier key ID does not match the key");
  return {
    name,
    keyId: id,
    key: text2,
    verify: (message, signature) => verifyEd25519(key, message, signature)
  };
}

// lib/core/log/note.ts
var MAX_NOTE_BYTES = 64 * 1024;
var MAX_SIGNATURES = 100;
var SIG_PREFIX = "\u2014 ";
function openNote(note, verifiers) {
  const bytes = typeof note === "string" ? utf8(requireWellFormed(note)) : note;
  if (bytes.length > MAX_NOTE_BYTES) throw new FormatError("note-too-large", `note is larger than ${MAX_NOTE_BYTES} bytes`);
  const msg = fromUtf8(bytes);
  checkNoteText(msg);
  const split2 = msg.lastIndexOf("\n\n");
  if (split2 < 0) throw new FormatError("malformed-note", "note has no blank line before its signatures");
  const text2 = msg.slice(0, split2 + 1);
  const sigBlock = msg.slice(split2 + 2);
  if (!sigBlock.endsWith("\n")) throw new FormatError("malformed-note", "note has no signature lines");
  const lines = sigBlock.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new FormatError("malformed-note", `note has more than ${MAX_SIGNATURES} signatures`);
  const message = utf8(text2);
  const signatures = [];
  const unverified = [];
  const seen = /* @__PURE__ */ new Set();
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    const key = `${sig.name}+${sig.keyId}`;
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (verifier === void 0) {
      if (!seen.has(line)) unverified.push(sig);
      seen.add(line);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    if (!verifier.verify(message, fromBase64(sig.base64).subarray(4))) {
      throw new ProofError("bad-signature", `invalid signature for key ${sig.name}`);
    }
    signatures.push(sig);
  }
  if (signatures.length === 0) throw new ProofError("no-known-signature", "note is not signed by any known key");
  return { text: text2, signatures, unverified };
}
function parseSignatureLine(line) {
  if (!line.startsWith(SIG_PREFIX)) throw new FormatError("malformed-note", "signature line does not start with an em dash and a space");
  const rest = line.slice(SIG_PREFIX.length);
  const space = rest.indexOf(" ");
  const name = space < 0 ? rest : rest.slice(0, space);
  const b64 = space < 0 ? "" : rest.slice(space + 1);
  let raw;
  try {
    raw = fromBase64(b64);
  } catch {
    throw new FormatError("malformed-note", "signature is not valid base64");
  }
  if (!isValidKeyName(name) || b64 === "" || raw.length < 5) throw new FormatError("malformed-note", "malformed signature line");
  const keyId2 = new DataView(raw.buffer, raw.byteOffset, 4).getUint32(0);
  return { name, keyId: keyId2, base64: b64 };
}
function checkNoteText(text2) {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text2)) {
    throw new FormatError("malformed-note", "note contains a control character");
  }
  requireWellFormed(text2);
}
function requireWellFormed(text2) {
  if (!isWellFormed(text2)) throw new FormatError("bad-utf8", "note is not valid UTF-8");
  return text2;
}

// lib/core/log/checkpoint.ts
function parseCheckpoint(text2) {
  if (!text2.endsWith("\n")) throw new FormatError("bad-checkpoint", "checkpoint text must end with a newline");
  const lines = text2.slice(0, -1).split("\n");
  if (lines.length < 3) throw new FormatError("bad-checkpoint", "checkpoint needs origin, size and root hash lines");
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin === "") throw new FormatError("bad-checkpoint", "checkpoint origin is empty");
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeText) || Number(sizeText) > MAX_TREE_SIZE) {
    throw new FormatError("bad-checkpoint", "checkpoint size is not a decimal tree size without leading zeros");
  }
  let rootHash;
  try {
    rootHash = parseHash(rootText);
  } catch {
    throw new FormatError("bad-checkpoint", "checkpoint root is not a base64 SHA-256 hash");
  }
  if (extensions.some((line) => line === "")) throw new FormatError("bad-checkpoint", "checkpoint extension lines must be non-empty");
  return { origin, size: Number(sizeText), rootHash, extensions };
}
function openCheckpoint(signed, origin, verifiers) {
  const note = openNote(signed, verifiers);
  const checkpoint = parseCheckpoint(note.text);
  if (checkpoint.origin !== origin) {
    throw new ProofError("wrong-origin", `checkpoint is for origin "${checkpoint.origin}", expected "${origin}"`);
  }
  return { checkpoint, note };
}

// lib/core/log/tlog-proof.ts
var TLOG_PROOF_HEADER = "c2sp.org/tlog-proof@v1";
var MAX_PROOF_HASHES = 64;
function formatTlogProof(p) {
  const lines = [TLOG_PROOF_HEADER];
  if (p.extra !== void 0) lines.push(`extra ${toBase64(p.extra)}`);
  lines.push(`index ${p.index}`, ...p.proof.map(formatHash));
  const text2 = lines.join("\n") + "\n\n" + p.checkpoint;
  parseTlogProof(text2);
  return text2;
}
function parseTlogProof(text2) {
  if (text2.length > MAX_NOTE_BYTES + 8 * 1024) throw new FormatError("bad-tlog-proof", "proof is too large");
  const end = text2.indexOf("\n\n");
  if (end < 0) throw new FormatError("bad-tlog-proof", "proof has no empty line before the checkpoint");
  const lines = text2.slice(0, end).split("\n");
  const checkpoint = text2.slice(end + 2);
  if (lines.shift() !== TLOG_PROOF_HEADER) throw new FormatError("bad-tlog-proof", `proof does not start with ${TLOG_PROOF_HEADER}`);
  let extra;
  if (lines[0]?.startsWith("extra ")) {
    try {
      extra = fromBase64(lines.shift().slice("extra ".length));
    } catch {
      throw new FormatError("bad-tlog-proof", "extra data is not valid base64");
    }
  }
  const indexLine = /^index (0|[1-9][0-9]{0,15})$/.exec(lines.shift() ?? "");
  if (!indexLine || !Number.isSafeInteger(Number(indexLine[1]))) {
    throw new FormatError("bad-tlog-proof", "missing or malformed index line");
  }
  if (lines.length > MAX_PROOF_HASHES) throw new FormatError("bad-tlog-proof", "proof has too many hashes");
  const proof = lines.map((line) => {
    try {
      return parseHash(line);
    } catch {
      throw new FormatError("bad-tlog-proof", "proof line is not a base64 SHA-256 hash");
    }
  });
  if (checkpoint === "") throw new FormatError("bad-tlog-proof", "proof has no checkpoint");
  return { ...extra === void 0 ? {} : { extra }, index: Number(indexLine[1]), proof, checkpoint };
}
function verifyTlogProof(text2, entry, origin, verifiers) {
  const proof = parseTlogProof(text2);
  const { checkpoint, note } = openCheckpoint(proof.checkpoint, origin, verifiers);
  const leafHash = hashLeaf(entry);
  verifyInclusion(proof.index, checkpoint.size, leafHash, proof.proof, checkpoint.rootHash);
  return { proof, checkpoint, note, leafHash };
}

// lib/core/log/jcs.ts
function canonicalJson(value) {
  return serialize(value, /* @__PURE__ */ new Set());
}
function canonicalJsonBytes(value) {
  return utf8(canonicalJson(value));
}
function serialize(value, ancestors) {
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
  const text2 = Array.isArray(value) ? serializeArray(value, ancestors) : serializeObject(value, ancestors);
  ancestors.delete(value);
  return text2;
}
function serializeInteger(n) {
  if (!Number.isSafeInteger(n)) {
    throw new InputError("jcs-bad-number", `only safe integers are allowed, got ${String(n)}`);
  }
  return String(n);
}
var NEEDS_CARE = /[\u0000-\u001f"\\\ud800-\udfff]/;
var SHORT_ESCAPES = {
  8: "\\b",
  9: "\\t",
  10: "\\n",
  12: "\\f",
  13: "\\r",
  34: '\\"',
  92: "\\\\"
};
function serializeString(s) {
  if (!NEEDS_CARE.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 55296 && c <= 57343) {
      const next = s.charCodeAt(i + 1);
      if (c <= 56319 && next >= 56320 && next <= 57343) {
        out += s[i] + s[i + 1];
        i++;
        continue;
      }
      throw new InputError("jcs-lone-surrogate", "strings must be well-formed UTF-16 (no lone surrogates)");
    }
    const short = SHORT_ESCAPES[c];
    if (short !== void 0) out += short;
    else if (c < 32) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += s[i];
  }
  return out + '"';
}
function serializeArray(items, ancestors) {
  const parts = [];
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) throw new InputError("jcs-sparse-array", "arrays must not have holes");
    parts.push(serialize(items[i], ancestors));
  }
  return "[" + parts.join(",") + "]";
}
function serializeObject(obj, ancestors) {
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    throw new InputError("jcs-unsupported-type", "only plain objects and arrays can be encoded");
  }
  const record = obj;
  const keys = Object.keys(record).sort(compareCodeUnits);
  const parts = [];
  for (const key of keys) {
    const member = record[key];
    if (member === void 0) {
      throw new InputError("jcs-undefined", `member "${key}" is undefined; omit it or use null`);
    }
    parts.push(serializeString(key) + ":" + serialize(member, ancestors));
  }
  return "{" + parts.join(",") + "}";
}
function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// lib/core/log/notice-leaf-schema.ts
var NOTICE_SCHEMA = "gongshi/notice/v1";
var NOTICE_KINDS = ["publish", "amend", "correct", "retract"];
var AGENCY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
var NOTICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
var FIELD_NAME_PATTERN = /^[a-z][a-zA-Z0-9]{0,31}$/;
var LOGGED_AT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
var SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;
var COMMITMENT_PATTERN = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/;
var ATTACHMENT_NAME_PATH = /^attachments\/(0|[1-9][0-9]?)\/name$/;
var MAX_FIELDS = 64;
var MAX_ATTACHMENTS = 100;
var MAX_WITHHOLD = MAX_FIELDS + MAX_ATTACHMENTS;
var MAX_BASIS_CODE_POINTS = 500;
function attachmentNamePath(index) {
  return `attachments/${index}/name`;
}
function isWithholdPath(path) {
  return FIELD_NAME_PATTERN.test(path) || ATTACHMENT_NAME_PATH.test(path);
}
function isLoggedAt(value) {
  if (typeof value !== "string" || !LOGGED_AT_PATTERN.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}
function isCommitment(value) {
  return typeof value === "string" && COMMITMENT_PATTERN.test(value);
}

// lib/core/log/notice-leaf-check.ts
var NOTICE_MEMBERS = ["agency", "attachments", "fields", "kind", "loggedAt", "notice", "schema", "supersedes", "version"];
var REDACT_MEMBERS = ["agency", "basis", "kind", "loggedAt", "notice", "schema", "target", "withhold"];
var ATTACHMENT_MEMBERS = ["name", "sha256", "size"];
var BASIS_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
function checkLeafRecord(value, fail2) {
  const obj = asRecord(value, "leaf-not-object", "a leaf must be a JSON object", fail2);
  if (!hasOwn(obj, "schema")) fail2("leaf-missing-member", 'missing member "schema"');
  if (obj.schema !== NOTICE_SCHEMA) fail2("leaf-bad-schema", `unsupported schema; expected "${NOTICE_SCHEMA}"`);
  if (!hasOwn(obj, "kind")) fail2("leaf-missing-member", 'missing member "kind"');
  if (obj.kind === "redact") return checkRedact(obj, fail2);
  if (!NOTICE_KINDS.includes(obj.kind)) fail2("leaf-bad-kind", "unknown kind");
  return checkNotice(obj, fail2);
}
function checkNotice(obj, fail2) {
  checkMembers(obj, NOTICE_MEMBERS, "", fail2);
  const kind = obj.kind;
  const { version, supersedes } = obj;
  if (!isIndex(version) || version < 1) fail2("leaf-bad-version", "version must be an integer >= 1");
  if (kind === "publish" ? version !== 1 : version < 2) {
    fail2("leaf-bad-version", "publish has version 1; amend, correct and retract have version > 1");
  }
  if (kind === "publish" ? supersedes !== null : !isIndex(supersedes)) {
    fail2("leaf-bad-supersedes", "supersedes is null for publish, else the log index of the superseded version");
  }
  return {
    schema: NOTICE_SCHEMA,
    kind,
    ...checkSubject(obj, fail2),
    version,
    supersedes,
    fields: checkFields(obj.fields, fail2),
    attachments: checkAttachments(obj.attachments, fail2)
  };
}
function checkRedact(obj, fail2) {
  checkMembers(obj, REDACT_MEMBERS, "", fail2);
  if (!isIndex(obj.target)) fail2("leaf-bad-target", "target must be a log index (integer >= 0)");
  const { basis } = obj;
  const withhold = asArray(obj.withhold, "leaf-bad-withhold", "withhold must be an array", fail2);
  if (withhold.length === 0 || withhold.length > MAX_WITHHOLD) {
    fail2("leaf-bad-withhold", `withhold must hold 1..${MAX_WITHHOLD} paths`);
  }
  const paths = [];
  for (const path of withhold) {
    if (typeof path !== "string" || !isWithholdPath(path)) fail2("leaf-bad-withhold", "unknown withhold path");
    const previous = paths[paths.length - 1];
    if (previous !== void 0 && compareCodeUnits(previous, path) >= 0) {
      fail2("leaf-bad-withhold", "withhold must be sorted by code unit and contain no duplicates");
    }
    paths.push(path);
  }
  if (typeof basis !== "string" || !isWellFormed(basis) || BASIS_FORBIDDEN.test(basis) || [...basis].length < 1 || [...basis].length > MAX_BASIS_CODE_POINTS) {
    fail2("leaf-bad-basis", `basis must be 1..${MAX_BASIS_CODE_POINTS} characters without control characters`);
  }
  return {
    schema: NOTICE_SCHEMA,
    kind: "redact",
    ...checkSubject(obj, fail2),
    target: obj.target,
    withhold: paths,
    basis
  };
}
function checkSubject(obj, fail2) {
  const { agency, notice, loggedAt } = obj;
  if (typeof agency !== "string" || !AGENCY_PATTERN.test(agency)) fail2("leaf-bad-agency", "bad agency id");
  if (typeof notice !== "string" || !NOTICE_ID_PATTERN.test(notice)) fail2("leaf-bad-notice", "bad notice id");
  if (!isLoggedAt(loggedAt)) fail2("leaf-bad-logged-at", "loggedAt must be a real UTC time as YYYY-MM-DDTHH:MM:SS.sssZ");
  return { agency, notice, loggedAt };
}
function checkFields(value, fail2) {
  const fields = asRecord(value, "leaf-bad-fields", "fields must be an object", fail2);
  const names = Object.keys(fields);
  if (names.length > MAX_FIELDS) fail2("leaf-bad-fields", `at most ${MAX_FIELDS} fields`);
  const out = {};
  for (const name of names) {
    if (!FIELD_NAME_PATTERN.test(name)) fail2("leaf-bad-field-name", `bad field name ${quote(name)}`);
    const commitment = fields[name];
    if (!isCommitment(commitment)) fail2("leaf-bad-commitment", `field ${name}: not a base64 32-byte commitment`);
    out[name] = commitment;
  }
  return out;
}
function checkAttachments(value, fail2) {
  const items = asArray(value, "leaf-bad-attachments", "attachments must be an array", fail2);
  if (items.length > MAX_ATTACHMENTS) fail2("leaf-bad-attachments", `at most ${MAX_ATTACHMENTS} attachments`);
  return items.map((item, i) => {
    const where = `attachments/${i}`;
    const a = asRecord(item, "leaf-bad-attachment", `${where} must be an object`, fail2);
    checkMembers(a, ATTACHMENT_MEMBERS, where + "/", fail2);
    if (typeof a.sha256 !== "string" || !SHA256_HEX_PATTERN.test(a.sha256)) {
      fail2("leaf-bad-attachment", `${where}/sha256 must be 64 lowercase hex digits`);
    }
    if (!isIndex(a.size)) fail2("leaf-bad-attachment", `${where}/size must be an integer >= 0`);
    if (!isCommitment(a.name)) fail2("leaf-bad-commitment", `${where}/name: not a base64 32-byte commitment`);
    return { sha256: a.sha256, size: a.size, name: a.name };
  });
}
function checkMembers(obj, expected, where, fail2) {
  for (const key of Object.keys(obj)) {
    if (!expected.includes(key)) fail2("leaf-unknown-member", `unknown member ${quote(where + key)}`);
  }
  for (const key of expected) {
    if (!hasOwn(obj, key)) fail2("leaf-missing-member", `missing member ${quote(where + key)}`);
  }
}
function asRecord(value, code, message, fail2) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail2(code, message);
  return value;
}
function asArray(value, code, message, fail2) {
  if (!Array.isArray(value)) fail2(code, message);
  return value;
}
function isIndex(value) {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
function hasOwn(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
function quote(text2) {
  return JSON.stringify(text2.length > 40 ? text2.slice(0, 40) + "\u2026" : text2);
}

// lib/core/log/notice-leaf-verify.ts
function commitmentPaths(leaf) {
  const fields = Object.keys(leaf.fields).sort(compareCodeUnits);
  return fields.concat(leaf.attachments.map((_, i) => attachmentNamePath(i)));
}
function verifyFieldCommitments(leaf, values, salts, withheld = /* @__PURE__ */ new Set()) {
  const result = { mismatched: [], withheld: [] };
  const paths = commitmentPaths(leaf);
  for (const path of paths) {
    if (withheld.has(path)) {
      result.withheld.push(path);
      continue;
    }
    const value = own(values, path);
    const salt = own(salts, path);
    if (!matches(commitmentAt(leaf, path), salt, value)) result.mismatched.push(path);
  }
  const committed = new Set(paths);
  const uncommitted = Object.keys(values).filter((path) => !committed.has(path));
  result.mismatched.push(...uncommitted.sort(compareCodeUnits));
  return result;
}
function digestMatches(attachment, digest) {
  return digest.size === attachment.size && digest.sha256 === attachment.sha256;
}
function commitmentAt(leaf, path) {
  const attachment = /^attachments\/(\d+)\/name$/.exec(path);
  return attachment ? leaf.attachments[Number(attachment[1])]?.name : own(leaf.fields, path);
}
function matches(commitment, salt, value) {
  if (commitment === void 0 || !(salt instanceof Uint8Array) || salt.length !== 32) return false;
  if (typeof value !== "string" || !isWellFormed(value)) return false;
  return toBase64(commitValue(salt, value)) === commitment;
}
function own(record, key) {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : void 0;
}

// lib/core/log/notice-leaf.ts
var MAX_LEAF_SIZE = 65535;
var inputFail = (code, message) => {
  throw new InputError(code, message);
};
var formatFail = (code, message) => {
  throw new FormatError(code, message);
};
function encodeLeaf(record) {
  return canonicalJsonBytes(checkLeafRecord(record, inputFail));
}
function decodeLeaf(bytes) {
  if (!(bytes instanceof Uint8Array)) throw new InputError("bad-bytes", "leaf bytes must be a Uint8Array");
  if (bytes.length > MAX_LEAF_SIZE) throw new FormatError("leaf-too-large", `a leaf is at most ${MAX_LEAF_SIZE} bytes`);
  let text2;
  try {
    text2 = fromUtf8(bytes);
  } catch {
    throw new FormatError("leaf-bad-utf8", "leaf is not valid UTF-8");
  }
  let parsed;
  try {
    parsed = JSON.parse(text2);
  } catch {
    throw new FormatError("leaf-bad-json", "leaf is not valid JSON");
  }
  const record = checkLeafRecord(parsed, formatFail);
  if (!bytesEqual(canonicalJsonBytes(record), bytes)) {
    throw new FormatError("leaf-not-canonical", "leaf is not in RFC 8785 canonical form (whitespace, member order, escapes, number form or duplicate members)");
  }
  return record;
}

// lib/core/log/cosignature.ts
var ALG_COSIGNATURE_V1 = 4;
var HEADER = "cosignature/v1\n";
var SIG_PREFIX2 = "\u2014 ";
var MAX_TIMESTAMP = Number.MAX_SAFE_INTEGER;
function cosignatureKeyId(name, publicKey) {
  return keyId(name, publicKey, ALG_COSIGNATURE_V1);
}
function formatCosignatureVerifierKey(name, publicKey) {
  if (!isValidKeyName(name)) throw new InputError("bad-key-name", `invalid key name: ${name}`);
  if (publicKey.length !== 32) throw new InputError("bad-key", "an Ed25519 public key is 32 bytes");
  const id = formatKeyId(cosignatureKeyId(name, publicKey));
  return `${name}+${id}+${toBase64(concatBytes(Uint8Array.of(ALG_COSIGNATURE_V1), publicKey))}`;
}
function cosignedMessage(checkpointText, timestamp) {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new InputError("bad-timestamp", "timestamp must be a non-negative integer");
  const body = typeof checkpointText === "string" ? utf8(checkpointText) : checkpointText;
  return concatBytes(utf8(`${HEADER}time ${timestamp}
`), body);
}
function parseCosignatureVerifierKey(text2) {
  const { name, id, type, key } = parseKeyText(text2, "witness", [ALG_COSIGNATURE_V1, ALG_ED25519]);
  if (keyId(name, key, type) !== id) throw new FormatError("key-id-mismatch", "witness key ID does not match the key");
  const publicKey = key.slice();
  return {
    name,
    keyId: cosignatureKeyId(name, publicKey),
    key: text2,
    publicKey,
    cosignatureKey: formatCosignatureVerifierKey(name, publicKey),
    verify: (checkpointText, signature) => {
      if (signature.length !== 8 + 64) return false;
      const timestamp = readTimestamp(signature);
      if (timestamp === null) return false;
      return verifyEd25519(publicKey, cosignedMessage(checkpointText, timestamp), signature.subarray(8));
    }
  };
}
function readTimestamp(stampedSignature) {
  const value = new DataView(stampedSignature.buffer, stampedSignature.byteOffset, 8).getBigUint64(0);
  return value > BigInt(MAX_TIMESTAMP) ? null : Number(value);
}
function verifyCosignatures(checkpointText, signatures, verifiers) {
  const message = utf8(checkpointText);
  const valid = [];
  const invalid = [];
  const counted = /* @__PURE__ */ new Set();
  for (const sig of signatures) {
    const verifier = verifiers.find((v) => v.name === sig.name && v.keyId === sig.keyId);
    if (verifier === void 0) continue;
    let raw;
    try {
      raw = fromBase64(sig.base64);
    } catch {
      invalid.push(sig);
      continue;
    }
    const timestamp = raw.length === 4 + 8 + 64 ? readTimestamp(raw.subarray(4)) : null;
    if (timestamp === null || !verifier.verify(message, raw.subarray(4))) {
      invalid.push(sig);
      continue;
    }
    if (counted.has(verifier)) continue;
    counted.add(verifier);
    valid.push({ verifier, timestamp, line: `${SIG_PREFIX2}${sig.name} ${sig.base64}` });
  }
  return { valid, invalid };
}

// lib/core/log/witness-protocol.ts
var MAX_ADD_CHECKPOINT_BYTES = 16 * 1024;

// lib/core/log/witness-policy.ts
var MAX_POLICY_BYTES = 64 * 1024;
var MAX_ENTRIES = 100;
function parseWitnessPolicy(text2) {
  if (text2.length > MAX_POLICY_BYTES) throw new FormatError("bad-policy", `policy is larger than ${MAX_POLICY_BYTES} bytes`);
  const logs = [];
  const witnesses = [];
  const groups = [];
  const names = /* @__PURE__ */ new Set(["none"]);
  const keys = /* @__PURE__ */ new Set();
  let quorum = null;
  const lines = text2.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((line, i) => {
    const fail2 = (why) => {
      throw new FormatError("bad-policy", `policy line ${i + 1}: ${why}`);
    };
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(line)) fail2("control characters other than tab are not allowed");
    const items = line.split(/[ \t]+/).filter((item) => item !== "");
    if (items.length === 0 || items[0].startsWith("#")) return;
    const [keyword, ...args] = items;
    if (keyword !== "quorum" && logs.length + witnesses.length + groups.length >= MAX_ENTRIES) fail2(`more than ${MAX_ENTRIES} entries`);
    const uniqueKey = (publicKey, what) => {
      const id = `${what}:${toHex(publicKey)}`;
      if (keys.has(id)) fail2(`this ${what} key is already listed`);
      keys.add(id);
    };
    switch (keyword) {
      case "log": {
        if (args.length < 1 || args.length > 2) fail2("expected: log <vkey> [<url>]");
        const verifier = tryParse(() => parseVerifierKey(args[0]), fail2);
        uniqueKey(parseCosignatureVerifierKey(args[0]).publicKey, "log");
        logs.push({ verifier, url: args[1] ?? null });
        break;
      }
      case "witness": {
        if (args.length < 2 || args.length > 3) fail2("expected: witness <name> <vkey> [<url>]");
        const name = args[0];
        if (names.has(name)) fail2(`the name "${name}" is already defined`);
        const verifier = tryParse(() => parseCosignatureVerifierKey(args[1]), fail2);
        uniqueKey(verifier.publicKey, "witness");
        if (args[2] !== void 0 && !isPlainHttpUrl(args[2])) fail2(`the URL of witness ${name} is not a plain http(s) URL`);
        names.add(name);
        witnesses.push({ name, verifier, url: args[2] ?? null });
        break;
      }
      case "group": {
        if (args.length < 3) fail2("expected: group <name> <k|all|any> <member>...");
        const [name, k, ...members] = args;
        if (names.has(name)) fail2(`the name "${name}" is already defined`);
        const seen = /* @__PURE__ */ new Set();
        for (const member of members) {
          if (member === "none") fail2('"none" cannot be a group member');
          if (!names.has(member)) fail2(`"${member}" is not defined on an earlier line`);
          if (seen.has(member)) fail2(`"${member}" is listed twice`);
          seen.add(member);
        }
        const threshold = k === "all" ? members.length : k === "any" ? 1 : /^[1-9][0-9]{0,3}$/.test(k) ? Number(k) : fail2(`"${k}" is not all, any or a number`);
        if (threshold < 1 || threshold > members.length) fail2(`the threshold must be between 1 and ${members.length}`);
        names.add(name);
        groups.push({ name, threshold, members });
        break;
      }
      case "quorum": {
        if (args.length !== 1) fail2("expected: quorum <name>");
        if (quorum !== null) fail2("a policy has exactly one quorum line");
        if (!names.has(args[0])) fail2(`"${args[0]}" is not defined on an earlier line`);
        quorum = args[0];
        break;
      }
      default:
        fail2(`unknown keyword "${keyword}"`);
    }
  });
  if (quorum === null) throw new FormatError("bad-policy", "policy has no quorum line");
  return { logs, witnesses, groups, quorum };
}
function quorumMet(policy, cosigned) {
  return satisfied(policy, policy.quorum, cosigned);
}
function satisfied(policy, name, cosigned) {
  if (name === "none") return true;
  const group = policy.groups.find((g) => g.name === name);
  if (group === void 0) return cosigned.has(name);
  return group.members.filter((member) => satisfied(policy, member, cosigned)).length >= group.threshold;
}
function quorumWitnesses(policy) {
  const reached = /* @__PURE__ */ new Set();
  const visit = (name) => {
    const group = policy.groups.find((g) => g.name === name);
    if (group === void 0) reached.add(name);
    else group.members.forEach(visit);
  };
  visit(policy.quorum);
  return policy.witnesses.filter((w) => reached.has(w.name));
}
function tryParse(parse, fail2) {
  try {
    return parse();
  } catch (e) {
    return fail2(e.message);
  }
}
function isPlainHttpUrl(text2) {
  let url;
  try {
    url = new URL(text2);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.search === "" && url.hash === "" && url.username === "" && url.password === "";
}

// lib/core/verify/step-content.ts
function checkContent(shown, entryLeaf) {
  const leaf = readNoticeLeaf(entryLeaf);
  if (typeof leaf === "string") return { result: failed("leaf-unreadable", leaf) };
  const mismatched = metadataMismatches(shown, leaf);
  const withheldPaths = new Set(shown.withheld.map((w) => w.path));
  const values = { ...shown.fields };
  const salts = {};
  for (const [name, salt] of Object.entries(shown.salts)) addSalt(salts, name, salt);
  shown.attachments.forEach((a, i) => {
    const path = attachmentNamePath(i);
    if (withheldPaths.has(path)) return;
    values[path] = a.name;
    addSalt(salts, path, a.nameSalt);
  });
  const check = verifyFieldCommitments(leaf, values, salts, withheldPaths);
  mismatched.push(...check.mismatched, ...attachmentMismatches(shown, leaf));
  const withheld = check.withheld.map((path) => shown.withheld.find((w) => w.path === path) ?? { path, basis: "", at: "", logIndex: null });
  if (mismatched.length > 0) {
    const list = mismatched.map((m2) => `"${m2}"`).join(", ");
    return { result: { ...failed("content-mismatch", `shown content does not match the log entry: ${list}`), fields: mismatched, withheld } };
  }
  const rebuiltLeaf = rebuildLeaf(shown, leaf, withheldPaths, salts);
  const detail = withheld.length === 0 ? "every field and attachment name reproduces its commitment in the log entry" : `every shown field reproduces its commitment; ${withheld.length} withheld by a redaction`;
  return { result: { step: "content", status: "ok", code: "content-ok", detail, fields: [], withheld }, rebuiltLeaf };
}
function readNoticeLeaf(entryLeaf) {
  try {
    const record = decodeLeaf(fromBase64(entryLeaf));
    if (record.kind === "redact") return "the log entry is a redaction, not a notice version";
    return record;
  } catch (e) {
    return `the log entry's leaf is not a valid notice record: ${e.message}`;
  }
}
function metadataMismatches(shown, leaf) {
  const out = [];
  if (shown.notice !== leaf.notice) out.push("notice");
  if (shown.agency !== leaf.agency) out.push("agency");
  if (shown.version !== leaf.version) out.push("version");
  if (shown.kind !== leaf.kind) out.push("kind");
  if (shown.loggedAt !== void 0 && shown.loggedAt !== leaf.loggedAt) out.push("loggedAt");
  return out;
}
function attachmentMismatches(shown, leaf) {
  const out = [];
  const count = Math.max(shown.attachments.length, leaf.attachments.length);
  for (let i = 0; i < count; i++) {
    const a = shown.attachments[i];
    const l = leaf.attachments[i];
    if (!a || !l) out.push(`attachments/${i}`);
    else {
      if (a.sha256 !== l.sha256) out.push(`attachments/${i}/sha256`);
      if (a.size !== l.size) out.push(`attachments/${i}/size`);
    }
  }
  return out;
}
function rebuildLeaf(shown, leaf, withheld, salts) {
  const commit = (path, value, stored) => withheld.has(path) ? stored : toBase64(commitValue(salts[path], value));
  const fields = {};
  for (const [name, stored] of Object.entries(leaf.fields)) fields[name] = commit(name, shown.fields[name] ?? "", stored);
  return encodeLeaf({
    schema: NOTICE_SCHEMA,
    kind: leaf.kind,
    agency: shown.agency,
    notice: shown.notice,
    version: shown.version,
    loggedAt: leaf.loggedAt,
    supersedes: leaf.supersedes,
    fields,
    attachments: shown.attachments.map((a, i) => ({
      name: commit(attachmentNamePath(i), a.name, leaf.attachments[i].name),
      sha256: a.sha256,
      size: a.size
    }))
  });
}
function addSalt(salts, path, base64) {
  try {
    const salt = fromBase64(base64);
    if (salt.length === 32) Object.defineProperty(salts, path, { value: salt, enumerable: true, writable: true, configurable: true });
  } catch {
  }
}
function failed(code, detail) {
  return { step: "content", status: "failed", code, detail };
}

// lib/core/verify/step-consistency.ts
function checkConsistency(note, log, earlier) {
  const result = (status, code, detail, extra = {}) => ({
    step: "consistency",
    status,
    code,
    detail,
    ...extra
  });
  if (earlier === void 0) {
    return result("info", "no-earlier-checkpoint", "no earlier checkpoint was kept to compare with; keep this one for next time");
  }
  let current;
  let kept;
  try {
    const verifier = parseVerifierKey(log.verifierKey);
    current = openCheckpoint(note, log.origin, [verifier]).checkpoint;
    kept = openCheckpoint(earlier.checkpoint, log.origin, [verifier]).checkpoint;
  } catch (e) {
    return result("failed", "earlier-checkpoint-invalid", `the kept checkpoint does not verify under the log key: ${e.message}`);
  }
  const sizes = {
    checkpoint: { size: current.size, rootHash: formatHash(current.rootHash) },
    earlierCheckpoint: { size: kept.size, rootHash: formatHash(kept.rootHash) }
  };
  if (kept.size === current.size) {
    return current.rootHash.every((b, i) => b === kept.rootHash[i]) ? result("ok", "same-tree", `the kept checkpoint is the same tree of ${kept.size} entries`, sizes) : result("failed", "two-histories", `two different roots for the same size ${kept.size}: the log shows two histories`, sizes);
  }
  const [older, newer] = kept.size < current.size ? [kept, current] : [current, kept];
  const direction = kept.size < current.size ? "grew from the kept checkpoint" : "is a prefix of the newer kept checkpoint";
  if (earlier.proof === void 0) {
    return result("skipped", "no-consistency-proof", `sizes ${older.size} and ${newer.size} differ and no consistency proof was given; consistency was not checked`, sizes);
  }
  let proof;
  try {
    proof = earlier.proof.map((h) => parseHash(h));
  } catch {
    return result("failed", "bad-proof", "a consistency proof hash is not a base64 SHA-256 hash", sizes);
  }
  try {
    verifyConsistency(older.size, newer.size, proof, older.rootHash, newer.rootHash);
  } catch (e) {
    const code = e.code ?? "proof-error";
    return result("failed", "inconsistent", `no consistency between sizes ${older.size} and ${newer.size} (${code}): the log may show two histories`, sizes);
  }
  return result("ok", "consistent", `the log ${direction} (${older.size} \u2192 ${newer.size} entries) without rewriting it`, sizes);
}

// lib/core/verify/step-log.ts
function checkLeafHash(rebuiltLeaf, entry) {
  let claimed;
  try {
    claimed = parseHash(entry.leafHash);
  } catch {
    return { step: "leaf", status: "failed", code: "bad-leaf-hash", detail: "the log entry's leaf hash is not a base64 SHA-256 hash" };
  }
  const computed = hashLeaf(rebuiltLeaf);
  if (!bytesEqual(computed, claimed)) {
    return {
      step: "leaf",
      status: "failed",
      code: "leaf-hash-mismatch",
      detail: `the leaf rebuilt from the content hashes to ${formatHash(computed)}, not to the log entry's ${entry.leafHash}`
    };
  }
  return { step: "leaf", status: "ok", code: "leaf-ok", detail: `the rebuilt leaf is entry ${entry.index}'s leaf (hash ${entry.leafHash})` };
}
function readCheckpoint(note) {
  const split2 = note.lastIndexOf("\n\n");
  if (split2 < 0) return null;
  try {
    return parseCheckpoint(note.slice(0, split2 + 1));
  } catch {
    return null;
  }
}
function checkInclusion(entry, proof, note) {
  const fail2 = (code, detail) => ({ step: "inclusion", status: "failed", code, detail });
  const checkpoint = readCheckpoint(note);
  if (!checkpoint) return fail2("bad-checkpoint", "the checkpoint is not a well-formed C2SP checkpoint");
  if (!Number.isSafeInteger(entry.index) || entry.index < 0 || entry.index >= checkpoint.size) {
    return fail2("index-beyond-checkpoint", `entry ${entry.index} is not in a checkpoint of ${checkpoint.size} entries`);
  }
  let hashes;
  try {
    hashes = proof.map((h) => parseHash(h));
  } catch {
    return fail2("bad-proof", "an inclusion proof hash is not a base64 SHA-256 hash");
  }
  try {
    verifyInclusion(entry.index, checkpoint.size, fromBase64(entry.leafHash), hashes, checkpoint.rootHash);
  } catch (e) {
    const code = e.code ?? "proof-error";
    return fail2(code, `the inclusion proof does not lead to the checkpoint's root (${code})`);
  }
  return {
    step: "inclusion",
    status: "ok",
    code: "inclusion-ok",
    detail: `entry ${entry.index} is in the tree of ${checkpoint.size} entries`,
    checkpoint: { size: checkpoint.size, rootHash: formatHash(checkpoint.rootHash) }
  };
}
function checkSignature(note, log) {
  const fail2 = (code, detail) => ({ step: "signature", status: "failed", code, detail });
  let verifier;
  try {
    verifier = parseVerifierKey(log.verifierKey);
  } catch (e) {
    return fail2("bad-key", `the verifier key is not a valid Ed25519 note key: ${e.message}`);
  }
  try {
    const { checkpoint } = openCheckpoint(note, log.origin, [verifier]);
    return {
      step: "signature",
      status: "ok",
      code: "signature-ok",
      detail: `checkpoint of ${checkpoint.size} entries for ${log.origin} is signed by ${verifier.name}`,
      checkpoint: { size: checkpoint.size, rootHash: formatHash(checkpoint.rootHash) }
    };
  } catch (e) {
    const code = e.code ?? "bad-signature";
    const why = code === "no-known-signature" ? `the checkpoint is not signed by the log key ${verifier.name}+${verifier.key.split("+")[1]}` : code === "wrong-origin" ? e.message : `the checkpoint does not verify: ${e.message}`;
    return fail2(code, why);
  }
}

// lib/core/verify/witness-quorum.ts
function policyFromWitnessKeys(keys) {
  const witnesses = [];
  for (const key of keys) {
    const verifier = parseCosignatureVerifierKey(key);
    if (witnesses.some((w) => w.verifier.cosignatureKey === verifier.cosignatureKey)) continue;
    const name = witnesses.some((w) => w.name === verifier.name) ? `${verifier.name}+${formatKeyId(verifier.keyId)}` : verifier.name;
    witnesses.push({ name, verifier, url: null });
  }
  if (witnesses.length === 0) return { logs: [], witnesses, groups: [], quorum: "none" };
  return { logs: [], witnesses, groups: [{ name: "any witness", threshold: 1, members: witnesses.map((w) => w.name) }], quorum: "any witness" };
}
function tallyCosignatures(checkpointText, signatures, policy) {
  const { valid, invalid } = verifyCosignatures(
    checkpointText,
    signatures,
    policy.witnesses.map((w) => w.verifier)
  );
  const counted = new Set(quorumWitnesses(policy).map((w) => w.name));
  const reports = [];
  const cosigned = [];
  const missing = [];
  const bad = [];
  for (const w of policy.witnesses) {
    const counts = counted.has(w.name);
    const base = { name: w.name, keyName: w.verifier.name, keyId: formatKeyId(w.verifier.keyId), counts };
    const ok = valid.find((v) => v.verifier === w.verifier);
    const forged = invalid.some((s) => s.name === w.verifier.name && s.keyId === w.verifier.keyId);
    if (forged) {
      reports.push({ ...base, status: "invalid" });
      bad.push(w.name);
      if (counts) missing.push(w.name);
    } else if (ok) {
      reports.push({ ...base, status: "verified", timestamp: ok.timestamp });
      if (counts) cosigned.push(w.name);
    } else {
      reports.push({ ...base, status: "absent" });
      if (counts) missing.push(w.name);
    }
  }
  const seen = /* @__PURE__ */ new Set();
  for (const s of signatures) {
    const known = policy.witnesses.some((w) => w.verifier.name === s.name && w.verifier.keyId === s.keyId);
    const id = `${s.name}+${s.keyId}`;
    if (known || seen.has(id)) continue;
    seen.add(id);
    reports.push({ name: s.name, keyName: s.name, keyId: formatKeyId(s.keyId), status: "unknown", counts: false });
  }
  return { reports, cosigned, missing, invalid: bad, quorumMet: bad.length === 0 && quorumMet(policy, new Set(cosigned)), total: counted.size };
}
function tallyNote(note, log, policy) {
  const opened = openNote(note, [parseVerifierKey(log.verifierKey)]);
  return tallyCosignatures(opened.text, opened.unverified, policy);
}
function describeTally(tally) {
  return `cosigned by ${tally.cosigned.length} of ${tally.total}${tally.cosigned.length ? `: ${tally.cosigned.join(", ")}` : ""}`;
}
function quorumRule(policy, name = policy.quorum) {
  if (name === "none") return { kind: "none" };
  const group = policy.groups.find((g) => g.name === name);
  if (group === void 0) return { kind: "witness", name };
  return { kind: "group", name, threshold: group.threshold, members: group.members.map((m2) => quorumRule(policy, m2)) };
}
function describeQuorumRule(rule) {
  if (rule.kind === "none") return "no cosignature needed";
  if (rule.kind === "witness") return rule.name;
  const count = rule.threshold === rule.members.length ? rule.members.length === 1 ? "" : "all of: " : rule.threshold === 1 ? "any of: " : `${rule.threshold} of: `;
  const members = rule.members.map((m2) => m2.kind === "group" ? `(${describeQuorumRule(m2)})` : describeQuorumRule(m2));
  return count + members.join(", ");
}

// lib/core/verify/step-witnesses.ts
function checkWitnesses(note, log, requirement) {
  const step = "witnesses";
  let policy = null;
  if (requirement !== void 0 && !isKeyList(requirement)) policy = requirement;
  else if (requirement !== void 0 && requirement.length > 0) {
    try {
      policy = policyFromWitnessKeys(requirement);
    } catch (e) {
      return { step, status: "failed", code: "bad-witness-key", detail: `a witness key is not usable: ${e.message}` };
    }
  }
  if (policy === null) {
    const tally2 = tallyNote(note, log, { logs: [], witnesses: [], groups: [], quorum: "none" });
    if (tally2.reports.length === 0) return { step, status: "info", code: "no-cosignatures", detail: "the checkpoint carries no witness cosignatures", witnesses: [] };
    return {
      step,
      status: "info",
      code: "no-known-witness",
      detail: `no witness policy was given; ${tally2.reports.length} signature(s) by other keys were not checked`,
      witnesses: tally2.reports
    };
  }
  const tally = tallyNote(note, log, policy);
  const base = { step, witnesses: tally.reports };
  if (tally.invalid.length > 0) {
    return { ...base, status: "failed", code: "bad-cosignature", detail: `the cosignature(s) of ${tally.invalid.join(", ")} do not verify: forged or altered` };
  }
  const unknown = tally.reports.filter((r) => r.status === "unknown").length;
  const unknownNote = unknown === 0 ? "" : `; ${unknown} signature(s) by keys outside the policy were not checked`;
  if (tally.quorumMet) return { ...base, status: "ok", code: "quorum-met", detail: `${describeTally(tally)}${unknownNote}` };
  return {
    ...base,
    status: "waiting",
    code: "quorum-not-met",
    detail: `waiting for witnesses: ${describeTally(tally)}; not yet cosigned by ${tally.missing.join(", ")}${unknownNote}`
  };
}
function isKeyList(requirement) {
  return Array.isArray(requirement);
}

// lib/core/verify/verify-notice-version.ts
function verifyNoticeVersion(input) {
  const results = [];
  const content = checkContent(input.shown, input.entry.leaf);
  results.push(content.result);
  const later = [
    ["leaf", () => checkLeafHash(content.rebuiltLeaf, input.entry)],
    ["inclusion", () => checkInclusion(input.entry, input.inclusionProof, input.checkpoint)],
    ["signature", () => checkSignature(input.checkpoint, input.log)],
    ["consistency", () => checkConsistency(input.checkpoint, input.log, input.earlier)],
    ["witnesses", () => checkWitnesses(input.checkpoint, input.log, input.policy ?? input.witnesses)]
  ];
  for (const [step, run2] of later) {
    const failed2 = results.find((r) => r.status === "failed");
    results.push(failed2 ? notReached(step, failed2.step) : run2());
  }
  return results;
}
function summarize(results) {
  const failed2 = results.find((r) => r.status === "failed");
  const waiting = failed2 ? void 0 : results.find((r) => r.status === "waiting");
  return {
    ok: failed2 === void 0 && waiting === void 0,
    failedStep: failed2?.step ?? null,
    unchecked: results.filter((r) => r.status === "skipped").map((r) => r.step),
    waitingFor: waiting ? (waiting.witnesses ?? []).filter((w) => w.status === "absent" && w.counts !== false).map((w) => w.name) : null
  };
}
function notReached(step, after) {
  return { step, status: "skipped", code: "not-reached", detail: `not checked: the ${after} step failed` };
}

// lib/core/verify/two-histories.ts
function findTwoHistories(first, second, log, consistencyProof, policy) {
  const a = open(first, log, "first");
  if (a.verdict === "invalid") return a;
  const b = open(second, log, "second");
  if (b.verdict === "invalid") return b;
  const [older, newer] = b.checkpoint.size < a.checkpoint.size ? [b, a] : [a, b];
  const summary = { older: summarize2(older.checkpoint), newer: summarize2(newer.checkpoint) };
  const evidence = (proof2) => ({
    origin: log.origin,
    verifierKey: log.verifierKey,
    older: older.note,
    newer: newer.note,
    ...proof2 ? { proof: proof2 } : {},
    ...policy ? witnessWeight(older.note, newer.note, log, policy) : {}
  });
  if (older.checkpoint.size === newer.checkpoint.size) {
    return summary.older.rootHash === summary.newer.rootHash ? { verdict: "consistent", ...summary } : { verdict: "split", reason: "same-size-different-roots", evidence: evidence() };
  }
  if (consistencyProof === void 0) return { verdict: "unproven", reason: "no-consistency-proof", ...summary };
  let proof;
  try {
    proof = consistencyProof.map((h) => parseHash(h));
  } catch {
    return { verdict: "unproven", reason: "no-consistency-proof", ...summary };
  }
  try {
    verifyConsistency(older.checkpoint.size, newer.checkpoint.size, proof, older.checkpoint.rootHash, newer.checkpoint.rootHash);
    return { verdict: "consistent", ...summary };
  } catch {
    return { verdict: "split", reason: "consistency-proof-fails", evidence: evidence([...consistencyProof]) };
  }
}
function open(note, log, which) {
  try {
    return { verdict: "opened", note, checkpoint: openCheckpoint(note, log.origin, [parseVerifierKey(log.verifierKey)]).checkpoint };
  } catch (e) {
    return { verdict: "invalid", which, code: e.code ?? "invalid", detail: e.message };
  }
}
function witnessWeight(older, newer, log, policy) {
  const a = tallyNote(older, log, policy);
  const b = tallyNote(newer, log, policy);
  return {
    cosigners: { older: a.cosigned, newer: b.cosigned, olderMeetsQuorum: a.quorumMet, newerMeetsQuorum: b.quorumMet },
    witnessesOnBoth: a.cosigned.filter((name) => b.cosigned.includes(name))
  };
}
function summarize2(checkpoint) {
  return { size: checkpoint.size, rootHash: formatHash(checkpoint.rootHash) };
}

// lib/core/verify/kept-checkpoint-verdict.ts
function judgeKeptCheckpoint(input, results) {
  const { kept, current, log, proof, policy } = input;
  const found = findTwoHistories(kept, current, log, proof ?? void 0, policy);
  if (found.verdict === "split") return { results: [...results], split: { ...found.evidence, reason: found.reason } };
  if (found.verdict !== "unproven" || proof !== null) return { results: [...results], split: null };
  const rolledBack = found.older.size === readCheckpoint(current)?.size;
  const judged = results.map(
    (r) => r.step !== "consistency" || r.status === "failed" ? r : {
      ...r,
      status: "failed",
      code: rolledBack ? "rolled-back" : "no-consistency-proof-served",
      detail: rolledBack ? `this browser verified a checkpoint of ${found.newer.size} entries; the server now shows ${found.older.size} and gives no proof that it extends to it` : `the server gives no proof that its checkpoint of ${found.newer.size} entries extends the one of ${found.older.size} this browser verified`
    }
  );
  return { results: judged, split: rolledBack ? { origin: log.origin, verifierKey: log.verifierKey, older: current, newer: kept, reason: "rolled-back" } : null };
}

// lib/core/verify/bundle-schema.ts
function fail(path, message) {
  throw new FormatError("bad-bundle", `${path}: ${message}`);
}
function object(value, path, required, optional = []) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "must be an object");
  const members = Object.keys(value);
  for (const name of members) {
    if (!required.includes(name) && !optional.includes(name)) fail(path, `unknown member "${name.slice(0, 40)}"`);
  }
  for (const name of required) if (!members.includes(name)) fail(path, `missing member "${name}"`);
  return value;
}
function string(value, path, maxLength) {
  if (typeof value !== "string") fail(path, "must be a string");
  if (value.length > maxLength) fail(path, `longer than ${maxLength} characters`);
  return value;
}
function integer(value, path, min = 0) {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) fail(path, `must be an integer \u2265 ${min}`);
  return value;
}
function array(value, path, maxItems, item) {
  if (!Array.isArray(value)) fail(path, "must be an array");
  if (value.length > maxItems) fail(path, `more than ${maxItems} items`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}
function stringMap(value, path, maxMembers, maxLength) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "must be an object");
  const entries = Object.entries(value);
  if (entries.length > maxMembers) fail(path, `more than ${maxMembers} members`);
  const out = {};
  for (const [name, v] of entries) {
    Object.defineProperty(out, name, { value: string(v, `${path}.${name.slice(0, 40)}`, maxLength), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
function parseJson(text2, maxBytes) {
  if (text2.length > maxBytes) throw new FormatError("bundle-too-large", `a bundle file is at most ${maxBytes} bytes`);
  try {
    return JSON.parse(text2);
  } catch {
    throw new FormatError("bad-bundle", "not valid JSON");
  }
}

// lib/core/verify/bundle.ts
var BUNDLE_FORMAT = "gongshi/proof-bundle/v1";
var BUNDLES_FORMAT = "gongshi/proof-bundles/v1";
var MAX_BUNDLE_BYTES = 8 * 1024 * 1024;
var MAX_BUNDLES_BYTES = 256 * 1024 * 1024;
var MAX_BUNDLES = 1e3;
var MAX_VALUE = 1024 * 1024;
function parseBundleFile(text2) {
  const value = parseJson(text2, MAX_BUNDLES_BYTES);
  const format = typeof value === "object" && value !== null ? value.format : void 0;
  if (format === BUNDLE_FORMAT) {
    if (text2.length > MAX_BUNDLE_BYTES) throw new FormatError("bundle-too-large", `a bundle is at most ${MAX_BUNDLE_BYTES} bytes`);
    return [checkBundle(value, "bundle")];
  }
  const list = object(value, "bundles", ["format", "bundles", "next"]);
  if (list.format !== BUNDLES_FORMAT) fail("bundles.format", `must be "${BUNDLE_FORMAT}" or "${BUNDLES_FORMAT}"`);
  if (list.next !== null) string(list.next, "bundles.next", 2048);
  return array(list.bundles, "bundles.bundles", MAX_BUNDLES, (b, p) => checkBundle(b, p));
}
function verifyBundle(bundle, options = {}) {
  let earlier = options.earlier;
  if (earlier && earlier.proof === void 0 && bundle.consistency) {
    if (readCheckpoint(earlier.checkpoint)?.size === bundle.consistency.from) earlier = { ...earlier, proof: bundle.consistency.proof };
  }
  return verifyNoticeVersion({
    shown: bundle,
    entry: bundle.entry,
    inclusionProof: bundle.inclusionProof,
    checkpoint: bundle.checkpoint,
    log: { origin: options.origin ?? bundle.log.origin, verifierKey: options.verifierKey ?? bundle.log.verifierKey },
    // Stryker disable next-line ConditionalExpression: a member set to undefined reads as an absent one in verifyNoticeVersion (input.earlier, input.policy ?? input.witnesses)
    ...earlier ? { earlier } : {},
    // Stryker disable next-line ConditionalExpression: as above
    ...options.policy ? { policy: options.policy } : {},
    // Stryker disable next-line ConditionalExpression: as above
    ...options.witnesses ? { witnesses: options.witnesses } : {}
  });
}
var TOP = [
  "format",
  "notice",
  "agency",
  "version",
  "kind",
  "loggedAt",
  "fields",
  "salts",
  "attachments",
  "withheld",
  "log",
  "entry",
  "checkpoint",
  "inclusionProof",
  "tlogProof"
];
function checkBundle(value, path) {
  const b = object(value, path, TOP, ["consistency"]);
  if (b.format !== BUNDLE_FORMAT) fail(`${path}.format`, `must be "${BUNDLE_FORMAT}"`);
  const log = object(b.log, `${path}.log`, ["origin", "verifierKey"]);
  const entry = object(b.entry, `${path}.entry`, ["index", "leaf", "leafHash"]);
  const bundle = {
    format: BUNDLE_FORMAT,
    notice: string(b.notice, `${path}.notice`, 64),
    agency: string(b.agency, `${path}.agency`, 64),
    version: integer(b.version, `${path}.version`, 1),
    kind: string(b.kind, `${path}.kind`, 16),
    loggedAt: string(b.loggedAt, `${path}.loggedAt`, 24),
    fields: stringMap(b.fields, `${path}.fields`, 64, MAX_VALUE),
    salts: stringMap(b.salts, `${path}.salts`, 64, 44),
    attachments: array(b.attachments, `${path}.attachments`, 100, (a, p) => {
      const att = object(a, p, ["sha256", "size", "name", "nameSalt"]);
      return {
        sha256: string(att.sha256, `${p}.sha256`, 64),
        size: integer(att.size, `${p}.size`),
        name: string(att.name, `${p}.name`, 1024),
        nameSalt: string(att.nameSalt, `${p}.nameSalt`, 44)
      };
    }),
    withheld: array(b.withheld, `${path}.withheld`, 164, (w, p) => {
      const item = object(w, p, ["path", "basis", "at", "logIndex"]);
      return {
        path: string(item.path, `${p}.path`, 64),
        basis: string(item.basis, `${p}.basis`, 2e3),
        at: string(item.at, `${p}.at`, 40),
        logIndex: item.logIndex === null ? null : integer(item.logIndex, `${p}.logIndex`)
      };
    }),
    log: { origin: string(log.origin, `${path}.log.origin`, 256), verifierKey: string(log.verifierKey, `${path}.log.verifierKey`, 512) },
    entry: {
      index: integer(entry.index, `${path}.entry.index`),
      leaf: string(entry.leaf, `${path}.entry.leaf`, 9e4),
      leafHash: string(entry.leafHash, `${path}.entry.leafHash`, 44)
    },
    checkpoint: string(b.checkpoint, `${path}.checkpoint`, MAX_NOTE_BYTES),
    inclusionProof: array(b.inclusionProof, `${path}.inclusionProof`, 64, (h, p) => string(h, p, 44)),
    tlogProof: string(b.tlogProof, `${path}.tlogProof`, MAX_NOTE_BYTES + 8192)
  };
  if (b.consistency !== void 0) {
    const c = object(b.consistency, `${path}.consistency`, ["from", "proof"]);
    bundle.consistency = { from: integer(c.from, `${path}.consistency.from`), proof: array(c.proof, `${path}.consistency.proof`, 128, (h, p) => string(h, p, 44)) };
  }
  checkTlogProofAgrees(bundle, path);
  return bundle;
}
function checkTlogProofAgrees(bundle, path) {
  let expected;
  try {
    const proof = bundle.inclusionProof.map((h) => parseHash(h));
    expected = formatTlogProof({ index: bundle.entry.index, proof, checkpoint: bundle.checkpoint });
  } catch {
    return;
  }
  if (bundle.tlogProof !== expected) fail(`${path}.tlogProof`, "does not match entry.index, inclusionProof and checkpoint");
}

// lib/core/verify/attachment-files.ts
function leafAttachments(leaf) {
  try {
    const record = decodeLeaf(typeof leaf === "string" ? fromBase64(leaf) : leaf);
    return record.kind === "redact" ? null : { version: record.version, attachments: record.attachments };
  } catch {
    return null;
  }
}
function matchAttachmentFiles(attachments, files) {
  return files.map((f) => ({
    file: f.file,
    sha256: f.sha256,
    size: f.size,
    positions: attachments.flatMap((a, i) => digestMatches(a, f) ? [i] : [])
  }));
}

// scripts/gongshi-verify/kept-checkpoint.ts
function normaliseKeptCheckpoint(text2) {
  return text2.replace(/[ \t\r\n]+$/, "") + "\n";
}
function readKeptCheckpoint(path, text2) {
  const note = normaliseKeptCheckpoint(text2);
  try {
    openNote(note, []);
  } catch (e) {
    if (e.code !== "no-known-signature") throw unreadable(path, e.message);
  }
  if (readCheckpoint(note) === null) throw unreadable(path, "the signed text is not a C2SP checkpoint (origin, size, root hash)");
  return note;
}
function checkKeptSignedBy(path, kept, bundleCheckpoint, origin, verifierKey) {
  let verifier;
  try {
    verifier = parseVerifierKey(verifierKey);
  } catch {
    return;
  }
  const opens = (note) => {
    try {
      openCheckpoint(note, origin, [verifier]);
      return true;
    } catch {
      return false;
    }
  };
  if (!opens(kept) && opens(bundleCheckpoint)) {
    throw new Error(`${path}: not a checkpoint of ${origin} signed by ${verifier.name} (another log's, or altered); it cannot be compared`);
  }
}
function unreadable(path, why) {
  return new Error(`${path}: unreadable kept checkpoint \u2014 not a signed checkpoint note (${why})`);
}

// scripts/gongshi-verify/two-histories-output.ts
function reportTwoHistories(kept, current, log, policy, results, io) {
  const { split: split2 } = judgeKeptCheckpoint({ kept, current, log, proof: void 0, ...policy ? { policy } : {} }, results);
  if (split2 === null) return null;
  const size = (note) => readCheckpoint(note)?.size ?? 0;
  const why = split2.reason === "same-size-different-roots" ? `both checkpoints are for ${size(split2.older)} entries but name different root hashes` : "they disagree";
  io.out(`TWO HISTORIES: the log's key signed two checkpoints that cannot both be true: ${why} [${split2.reason}].`);
  io.out(
    "  A log may only grow: together the two signed notes below are evidence that it was rewritten or shows different histories to different people. Keep both and report them; anyone can check them with the log's key alone."
  );
  if (split2.cosigners) {
    const names = (list) => list.length ? `cosigned by ${list.join(", ")}` : "cosigned by no witness of the policy";
    io.out(`  the checkpoint of ${size(split2.older)} entries is ${names(split2.cosigners.older)}; the one of ${size(split2.newer)} entries is ${names(split2.cosigners.newer)}`);
    if (split2.witnessesOnBoth?.length) io.out(`  ${split2.witnessesOnBoth.join(", ")} cosigned both, vouching for two histories`);
  }
  for (const note of [split2.older, split2.newer]) {
    io.out(`----- checkpoint of ${size(note)} entries (${note === kept ? "the kept checkpoint" : "the bundle's checkpoint"}) -----`);
    io.out(note.replace(/\n$/, ""));
  }
  io.out("-----");
  return split2;
}

// scripts/gongshi-verify/witness-output.ts
var EXIT_WAITING = 3;
function readPolicy(options, io, decode) {
  const file = options.policy;
  const keys = options.witness;
  if (file && keys) throw new Error("give either --policy or --witness, not both (a policy file can list every witness)");
  if (file && file.length > 1) throw new Error("--policy is given once");
  if (file) {
    let policy;
    try {
      policy = parseWitnessPolicy(decode(io.readFile(file[0], MAX_POLICY_BYTES)));
    } catch (e) {
      throw new Error(`${file[0]}: ${e.message}`);
    }
    io.out(`witness policy ${file[0]}: ${policy.witnesses.length} witness(es); quorum: ${describeQuorumRule(quorumRule(policy))}`);
    return policy;
  }
  if (keys) {
    try {
      return policyFromWitnessKeys(keys);
    } catch (e) {
      throw new Error(`--witness: ${e.message}`);
    }
  }
  return void 0;
}
function checkPolicyLog(policy, verifierKey, io) {
  if (!policy || policy.logs.length === 0) return;
  if (policy.logs.some((l) => l.verifier.key === verifierKey)) return;
  io.out("warning: the policy's log lines do not list this log's key; its witnesses are checked all the same.");
}
var STATUS = {
  verified: (w) => `cosigned${w.timestamp === void 0 ? "" : ` at ${new Date(w.timestamp * 1e3).toISOString()}`}`,
  invalid: () => "cosignature DOES NOT VERIFY (forged or altered)",
  absent: () => "has not cosigned",
  unknown: () => "not in the policy, not checked"
};
function formatWitness(w) {
  const key = w.keyName === w.name ? `${w.keyId}` : `${w.keyName}+${w.keyId}`;
  return `       witness ${w.name} (${key}): ${STATUS[w.status](w)}`;
}

// scripts/gongshi-verify/run.ts
var USAGE = `usage:
  gongshi-verify <bundle.json> --key <verifier key> [--checkpoint <kept-checkpoint.txt>] [--attachment <file>...] [--policy <tlog-policy file> | --witness <key>...]
  gongshi-verify tlog-proof <proof-file> --entry <entry-bytes-file> --key <verifier key> [--origin <origin>] [--attachment <file>...] [--policy <file> | --witness <key>...]
exit status: 0 verified, 1 failed (a step, or an --attachment file that is not the version's), 2 bad input or no --key (nothing is verified without it), 3 waiting for witnesses (the policy's quorum is not met)`;
var MARK = { ok: "ok  ", failed: "FAIL", skipped: "--  ", info: "i   ", waiting: "WAIT" };
function run(args, io) {
  try {
    if (args[0] === "tlog-proof") return runTlogProof(parseArgs(args.slice(1), ["entry", "key", "origin", "attachment", "policy", "witness"]), io);
    return runBundle(parseArgs(args, ["key", "checkpoint", "attachment", "policy", "witness"]), io);
  } catch (e) {
    io.out(`error: ${e.message}`);
    return 2;
  }
}
function runBundle(a, io) {
  if (a.files.length !== 1) throw new Error(`one bundle file expected
${USAGE}`);
  const bundles = parseBundleFile(text(io.readFile(a.files[0], MAX_BUNDLES_BYTES)));
  const keptPath = a.options.checkpoint?.[0];
  const kept = keptPath === void 0 ? void 0 : readKeptCheckpoint(keptPath, text(io.readFile(keptPath, 64 * 1024), keptPath));
  const attachmentFiles = a.options.attachment ?? [];
  if (attachmentFiles.length > 0 && bundles.length !== 1) throw new Error("--attachment checks files against one notice version: give a file with one bundle");
  const digests = attachmentFiles.map((file) => ({ file, ...io.digestFile(file) }));
  const key = a.options.key?.[0];
  if (key === void 0) io.out("note: no --key given; the steps below use the key inside the bundle, which cannot verify it (a forger puts in their own).");
  const policy = readPolicy(a.options, io, text);
  let failures = 0;
  let waiting = 0;
  let keyless = 0;
  for (const bundle of bundles) {
    checkPolicyLog(policy, key ?? bundle.log.verifierKey, io);
    if (kept !== void 0) checkKeptSignedBy(keptPath, kept, bundle.checkpoint, bundle.log.origin, key ?? bundle.log.verifierKey);
    const results = verifyBundle(bundle, { ...key ? { verifierKey: key } : {}, ...kept ? { earlier: { checkpoint: kept } } : {}, ...policy ? { policy } : {} });
    io.out(`${bundle.notice} version ${bundle.version} (${bundle.kind}, ${bundle.agency}) \u2014 log entry ${bundle.entry.index}`);
    for (const r of results) io.out(formatStep(r));
    const unmatched = digests.length > 0 ? bundleAttachments(bundle, digests, io) : [];
    const verdict = summarize(results);
    const witnesses = results.find((r) => r.step === "witnesses");
    if (verdict.failedStep) {
      failures++;
      io.out(`FAILED at step: ${verdict.failedStep}`);
      if (kept !== void 0 && key !== void 0) reportTwoHistories(kept, bundle.checkpoint, { origin: bundle.log.origin, verifierKey: key }, policy, results, io);
    } else if (unmatched.length > 0) {
      failures++;
      io.out(`FAILED at step: attachments \u2014 ${unmatched.join(", ")} ${unmatched.length === 1 ? "is" : "are"} not an attachment of version ${bundle.version}`);
    } else if (key === void 0) {
      keyless++;
      io.out(`NOT VERIFIED: no --key given. ${neededKey(bundle.log)}`);
    } else if (verdict.waitingFor) {
      waiting++;
      io.out(`NOT VERIFIED: waiting for witnesses \u2014 not enough witnesses have cosigned this checkpoint yet (${witnesses?.detail ?? ""})`);
    } else {
      const cosigned = witnesses?.code === "quorum-met" ? ` \u2014 ${witnesses.detail}` : "";
      io.out(`VERIFIED${cosigned}${verdict.unchecked.length ? ` (not checked: ${verdict.unchecked.join(", ")})` : ""}`);
    }
  }
  if (bundles.length > 1) {
    const verified = bundles.length - failures - waiting - keyless;
    io.out(
      `${verified} of ${bundles.length} bundles verified${waiting ? `, ${waiting} waiting for witnesses` : ""}${keyless ? `, ${keyless} not verified for want of --key` : ""}`
    );
  }
  return failures > 0 ? 1 : keyless > 0 ? 2 : waiting > 0 ? EXIT_WAITING : 0;
}
function neededKey(log) {
  let named = "";
  try {
    const v = parseVerifierKey(log.verifierKey);
    named = ` (the bundle names key ${v.name}+${v.keyId.toString(16).padStart(8, "0")})`;
  } catch {
  }
  return `Run again with --key <the verifier key of log ${log.origin}>${named}, taken from somewhere other than this file: the portal's About page, a newspaper, a witness.`;
}
function bundleAttachments(bundle, digests, io) {
  const leaf = leafAttachments(bundle.entry.leaf);
  if (leaf === null) {
    io.out(`  ${MARK.skipped} ${"attachments".padEnd(11)} not checked: the log entry is not a notice version's leaf [not-reached]`);
    return [];
  }
  return checkAttachmentFiles(leaf.attachments, (i) => bundle.attachments[i]?.name, bundle.version, digests, io);
}
function checkAttachmentFiles(attachments, name, version, digests, io) {
  const unmatched = [];
  for (const m2 of matchAttachmentFiles(attachments, digests)) {
    const digest = `${m2.size} bytes, sha256 ${m2.sha256}`;
    if (m2.positions.length === 0) {
      unmatched.push(m2.file);
      io.out(`  ${MARK.failed} ${"attachments".padEnd(11)} ${m2.file} (${digest}) matches no attachment of version ${version} (${attachments.length} logged) [attachment-mismatch]`);
      continue;
    }
    const names = m2.positions.map((i) => {
      const shown = name(i);
      return `attachment ${i + 1} of ${attachments.length}${shown ? ` "${shown}"` : shown === "" ? " (name withheld)" : ""}`;
    });
    io.out(`  ${MARK.ok} ${"attachments".padEnd(11)} ${m2.file} is ${names.join(" and ")} (${digest}) [attachment-match]`);
  }
  return unmatched;
}
function formatStep(r) {
  const lines = [`  ${MARK[r.status]} ${r.step.padEnd(11)} ${r.detail} [${r.code}]`];
  for (const w of r.withheld ?? []) lines.push(`       withheld: ${w.path} on ${w.at || "?"}, basis: ${w.basis}${w.logIndex === null ? "" : ` (log entry ${w.logIndex})`}`);
  for (const w of r.witnesses ?? []) lines.push(formatWitness(w));
  return lines.join("\n");
}
function runTlogProof(a, io) {
  const key = a.options.key?.[0];
  const entryFile = a.options.entry?.[0];
  if (a.files.length !== 1 || !key || !entryFile) throw new Error(`tlog-proof needs a proof file, --entry and --key
${USAGE}`);
  const verifier = parseVerifierKey(key);
  const origin = a.options.origin?.[0] ?? verifier.name;
  const proofText = text(io.readFile(a.files[0], 80 * 1024));
  const entry = io.readFile(entryFile, 16 * 1024 * 1024);
  const policy = readPolicy(a.options, io, text);
  checkPolicyLog(policy, key, io);
  const attachmentFiles = a.options.attachment ?? [];
  const leaf = attachmentFiles.length > 0 ? leafAttachments(entry) : null;
  if (attachmentFiles.length > 0 && leaf === null) throw new Error(`--attachment: ${entryFile} is not a Gongshi notice version's leaf, so it commits no attachments`);
  const digests = attachmentFiles.map((file) => ({ file, ...io.digestFile(file) }));
  try {
    const { checkpoint, proof, note } = verifyTlogProof(proofText, entry, origin, [verifier]);
    const proven = `entry ${proof.index} is in ${origin} at size ${checkpoint.size}, checkpoint signed by ${verifier.name}`;
    if (leaf !== null) {
      const unmatched = checkAttachmentFiles(leaf.attachments, () => void 0, leaf.version, digests, io);
      if (unmatched.length > 0) {
        io.out(`FAILED at step: attachments \u2014 ${proven}, but ${unmatched.join(", ")} ${unmatched.length === 1 ? "is" : "are"} not an attachment of it`);
        return 1;
      }
    }
    if (!policy) {
      io.out(`VERIFIED: ${proven}`);
      return 0;
    }
    const tally = tallyCosignatures(note.text, note.unverified, policy);
    for (const w of tally.reports) io.out(formatWitness(w));
    if (tally.invalid.length > 0) {
      io.out(`FAILED at step: witnesses \u2014 the cosignature(s) of ${tally.invalid.join(", ")} do not verify: forged or altered [bad-cosignature]`);
      return 1;
    }
    if (!tally.quorumMet) {
      io.out(
        `NOT VERIFIED: waiting for witnesses \u2014 ${proven}, but not enough witnesses have cosigned it: ${describeTally(tally)}; not yet cosigned by ${tally.missing.join(", ")}`
      );
      return EXIT_WAITING;
    }
    io.out(`VERIFIED: ${proven}; ${describeTally(tally)}`);
    return 0;
  } catch (e) {
    const code = e.code ?? "error";
    const step = /signature|origin|key/.test(code) ? "signature" : code.startsWith("bad-tlog") || code.startsWith("bad-checkpoint") || code === "malformed-note" ? "format" : "inclusion";
    io.out(`FAILED at step: ${step} \u2014 ${e.message} [${code}]`);
    return 1;
  }
}
function parseArgs(args, known) {
  const out = { files: [], options: {} };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      out.files.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new Error(`unknown option --${name}
${USAGE}`);
    const value = inline ?? args[++i];
    if (value === void 0) throw new Error(`--${name} needs a value`);
    (out.options[name] ??= []).push(value);
  }
  return out;
}
function text(bytes, path) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${path ?? "file"} is not valid UTF-8`);
  }
}

// scripts/gongshi-verify/main.ts
function readFile(path, maxBytes) {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw new Error(`${path} is larger than ${maxBytes} bytes`);
    const buffer = new Uint8Array(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buffer, at, size - at, null);
      if (n === 0) break;
      at += n;
    }
    return buffer.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}
function digestFile(path) {
  const fd = openSync(path, "r");
  try {
    const hash = createHash("sha256");
    const buffer = new Uint8Array(1024 * 1024);
    let size = 0;
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; size += n) hash.update(buffer.subarray(0, n));
    return { sha256: hash.digest("hex"), size };
  } finally {
    closeSync(fd);
  }
}
process.exitCode = run(process.argv.slice(2), { readFile, digestFile, out: (line) => console.log(line) });
