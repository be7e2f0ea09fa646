#!/usr/bin/env node

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
  let out2 = "";
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2];
    out2 += B64[n >> 18] + B64[n >> 12 & 63] + B64[n >> 6 & 63] + B64[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out2 += B64[n >> 18] + B64[n >> 12 & 63] + "==";
  } else if (rest === 2) {
    const n = bytes[i] << 16 | bytes[i + 1] << 8;
    out2 += B64[n >> 18] + B64[n >> 12 & 63] + B64[n >> 6 & 63] + "=";
  }
  return out2;
}
function fromBase64(text) {
  if (text.length % 4 !== 0) throw new FormatError("bad-base64", "base64 length is not a multiple of 4");
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out2 = new Uint8Array(text.length / 4 * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const last = i + 4 === text.length;
    const c = [0, 1, 2, 3].map((k) => {
      const ch = text.charCodeAt(i + k);
      if (last && ch === 61 && k >= 4 - pad) return 0;
      const v = ch < 128 ? B64_INDEX[ch] : -1;
      if (v < 0) throw new FormatError("bad-base64", "invalid base64 character");
      return v;
    });
    const n = c[0] << 18 | c[1] << 12 | c[2] << 6 | c[3];
    if (last && pad > 0 && (n & (pad === 2 ? 65535 : 255)) !== 0) {
      throw new FormatError("bad-base64", "base64 has non-zero padding bits");
    }
    out2[o++] = n >> 16;
    if (o < out2.length) out2[o++] = n >> 8 & 255;
    if (o < out2.length) out2[o++] = n & 255;
  }
  return out2;
}
function toHex(bytes) {
  let out2 = "";
  for (const b of bytes) out2 += b.toString(16).padStart(2, "0");
  return out2;
}
var encoder = new TextEncoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function utf8(text) {
  return encoder.encode(text);
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
  const out2 = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out2.set(p, offset);
    offset += p.length;
  }
  return out2;
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
function aoutput(out2, instance) {
  abytes(out2, void 0, "output");
  const min = instance.outputLen;
  if (!(out2.length >= min)) {
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
  const array = new Uint8Array(al);
  for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
    const n1 = asciiToBase16(hex.charCodeAt(hi));
    const n2 = asciiToBase16(hex.charCodeAt(hi + 1));
    if (n1 === void 0 || n2 === void 0) {
      const char = hex[hi] + hex[hi + 1];
      throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
    }
    array[ai] = n1 * 16 + n2;
  }
  return array;
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
  digestInto(out2) {
    aexists(this);
    aoutput(out2, this);
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
    const oview = out2 === buffer ? view : createView(out2);
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
function hashChildren(left, right) {
  return sha256.create().update(NODE_PREFIX).update(left).update(right).digest();
}
var EMPTY_ROOT = sha256(new Uint8Array(0));
function formatHash(hash) {
  return toBase64(hash);
}
function parseHash(text) {
  const bytes = fromBase64(text);
  if (bytes.length !== HASH_SIZE) {
    throw new FormatError("bad-hash", `a hash is ${HASH_SIZE} bytes, got ${bytes.length}`);
  }
  return bytes;
}

// lib/core/log/stored-hashes.ts
var MAX_TREE_SIZE = 2 ** 52;

// lib/core/log/proof-verify.ts
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
  const path7 = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path7[0];
  let sr = path7[0];
  for (const c of path7.slice(1)) {
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
function validateObject(object, fields = {}, optFields = {}, title = "object") {
  aobject2(object, title);
  aobject2(fields, "fields");
  aobject2(optFields, "optFields");
  function checkField(fieldName, expectedType, isOpt) {
    const label = title === "object" ? `param "${String(fieldName)}"` : `"${title}.${String(fieldName)}"`;
    const val = object[fieldName];
    if (!Object.hasOwn(object, fieldName) && (isOpt ? val !== void 0 : expectedType !== "function")) {
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
function isWellFormed(s) {
  return !new RegExp("\\p{Cs}", "u").test(s);
}

// lib/core/log/note-keys.ts
var ALG_ED25519 = 1;
var SIGNER_PREFIX = "PRIVATE+KEY+";
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
function parseKeyText(text, what, types = [ALG_ED25519]) {
  const first = text.indexOf("+");
  const second = text.indexOf("+", first + 1);
  if (first < 0 || second < 0) throw new FormatError("bad-key", `malformed ${what} key`);
  const name = text.slice(0, first);
  const idHex = text.slice(first + 1, second);
  const keyB64 = text.slice(second + 1);
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
function parseVerifierKey(text) {
  const { name, id, key } = parseKeyText(text, "verifier");
  if (keyId(name, key) !== id) throw new FormatError("key-id-mismatch", "verifier key ID does not match the key");
  return {
    name,
    keyId: id,
    key: text,
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
  const text = msg.slice(0, split2 + 1);
  const sigBlock = msg.slice(split2 + 2);
  if (!sigBlock.endsWith("\n")) throw new FormatError("malformed-note", "note has no signature lines");
  const lines = sigBlock.slice(0, -1).split("\n");
  if (lines.length > MAX_SIGNATURES) throw new FormatError("malformed-note", `note has more than ${MAX_SIGNATURES} signatures`);
  const message = utf8(text);
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
  return { text, signatures, unverified };
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
function checkNoteText(text) {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    throw new FormatError("malformed-note", "note contains a control character");
  }
  requireWellFormed(text);
}
function requireWellFormed(text) {
  if (!isWellFormed(text)) throw new FormatError("bad-utf8", "note is not valid UTF-8");
  return text;
}

// lib/core/log/checkpoint.ts
function parseCheckpoint(text) {
  if (!text.endsWith("\n")) throw new FormatError("bad-checkpoint", "checkpoint text must end with a newline");
  const lines = text.slice(0, -1).split("\n");
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

// lib/core/log/notice-leaf-schema.ts
var MAX_FIELDS = 64;
var MAX_ATTACHMENTS = 100;
var MAX_WITHHOLD = MAX_FIELDS + MAX_ATTACHMENTS;

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
function parseCosignatureSignerKey(text) {
  if (!text.startsWith(SIGNER_PREFIX)) throw new FormatError("bad-key", "a signer key starts with PRIVATE+KEY+");
  const { name, id, key: seed } = parseKeyText(text.slice(SIGNER_PREFIX.length), "witness signer", [ALG_COSIGNATURE_V1]);
  const publicKey = ed25519.getPublicKey(seed);
  if (cosignatureKeyId(name, publicKey) !== id) throw new FormatError("key-id-mismatch", "witness signer key ID does not match the key");
  const seedCopy = seed.slice();
  return {
    name,
    keyId: id,
    verifierKey: formatCosignatureVerifierKey(name, publicKey),
    cosign: (checkpointText, timestamp) => {
      const stamp = new Uint8Array(8);
      new DataView(stamp.buffer).setBigUint64(0, BigInt(timestamp));
      const signature = ed25519.sign(cosignedMessage(checkpointText, timestamp), seedCopy);
      const idBytes = new Uint8Array(4);
      new DataView(idBytes.buffer).setUint32(0, id);
      return `${SIG_PREFIX2}${name} ${toBase64(concatBytes(idBytes, stamp, signature))}
`;
    }
  };
}
function generateCosignatureKey(name) {
  const seed = ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(seed);
  const verifierKey = formatCosignatureVerifierKey(name, publicKey);
  const id = formatKeyId(cosignatureKeyId(name, publicKey));
  return { signerKey: `${SIGNER_PREFIX}${name}+${id}+${toBase64(concatBytes(Uint8Array.of(ALG_COSIGNATURE_V1), seed))}`, verifierKey };
}

// lib/core/log/witness-protocol.ts
var MAX_ADD_CHECKPOINT_BYTES = 16 * 1024;
var MAX_CONSISTENCY_PROOF_LINES = 63;
var TLOG_SIZE_CONTENT_TYPE = "text/x.tlog.size";
var SIZE = /^(0|[1-9][0-9]{0,15})$/;
function parseAddCheckpointRequest(body) {
  const blank = body.indexOf("\n\n");
  if (blank < 0) throw new FormatError("bad-request", "request has no empty line before the checkpoint");
  const head = body.slice(0, blank).split("\n");
  const signedCheckpoint = body.slice(blank + 2);
  const oldLine = head[0];
  if (!oldLine.startsWith("old ") || !SIZE.test(oldLine.slice(4)) || Number(oldLine.slice(4)) > MAX_TREE_SIZE) {
    throw new FormatError("bad-request", 'the first line must be "old <size>" in decimal without leading zeros');
  }
  const proofLines = head.slice(1);
  if (proofLines.length > MAX_CONSISTENCY_PROOF_LINES) throw new FormatError("bad-request", `more than ${MAX_CONSISTENCY_PROOF_LINES} consistency proof lines`);
  const proof = proofLines.map((line) => {
    try {
      return parseHash(line);
    } catch {
      throw new FormatError("bad-request", "a consistency proof line is not a base64 SHA-256 hash");
    }
  });
  if (signedCheckpoint === "") throw new FormatError("bad-request", "request has no checkpoint");
  return { oldSize: Number(oldLine.slice(4)), proof, signedCheckpoint };
}
function formatTlogSize(size) {
  return `${size}
`;
}

// lib/core/log/witness-policy.ts
var MAX_POLICY_BYTES = 64 * 1024;

// lib/core/log/witness-check.ts
function openAddCheckpoint(body, keysFor) {
  let request;
  let origin;
  try {
    request = parseAddCheckpointRequest(body);
    const split2 = request.signedCheckpoint.lastIndexOf("\n\n");
    if (split2 < 0) throw new FormatError("malformed-note", "the checkpoint has no signatures");
    origin = parseCheckpoint(request.signedCheckpoint.slice(0, split2 + 1)).origin;
  } catch (error) {
    return { status: 400, reason: reasonOf(error) };
  }
  const keys = keysFor(origin);
  if (keys === void 0 || keys.length === 0) return { status: 404, origin, reason: "unknown log origin" };
  try {
    const { checkpoint, note } = openCheckpoint(request.signedCheckpoint, origin, keys);
    return { status: "signed", origin, signed: { request, checkpoint, text: note.text, logSignatures: note.signatures } };
  } catch (error) {
    if (error instanceof FormatError) return { status: 400, reason: reasonOf(error) };
    return { status: 403, origin, reason: reasonOf(error) };
  }
}
function checkAddCheckpoint(signed, latest) {
  const { oldSize, proof } = signed.request;
  const { size, rootHash } = signed.checkpoint;
  const known = latest?.size ?? 0;
  if (oldSize > size) return { status: 400, reason: `old size ${oldSize} is larger than the checkpoint size ${size}` };
  const fork = latest !== null && size === latest.size && !bytesEqual(rootHash, latest.rootHash);
  if (oldSize !== known) return { status: 409, size: known, fork, reason: `old size ${oldSize} is not the size last cosigned, ${known}` };
  if (fork) return { status: 409, size: known, fork, reason: `a different root hash at size ${size}, the size last cosigned: a fork` };
  if (oldSize === 0) {
    if (proof.length !== 0) return { status: 422, evidence: false, reason: "a consistency proof was sent with old size 0" };
    if (size === 0 && !bytesEqual(rootHash, EMPTY_ROOT)) return { status: 422, evidence: true, reason: "an empty tree whose root is not SHA-256 of nothing" };
    return { status: 200, advances: latest === null || size > known };
  }
  if (latest === null) throw new Error("unreachable: a non-zero old size matched a log never cosigned");
  try {
    verifyConsistency(oldSize, size, proof, latest.rootHash, rootHash);
  } catch (error) {
    return { status: 422, evidence: true, reason: `the consistency proof does not verify (${reasonOf(error)})` };
  }
  return { status: 200, advances: size > known };
}
function reasonOf(error) {
  if (error instanceof CodedError) return error.message;
  throw error;
}

// scripts/gongshi-witness/data-dir.ts
import { readFileSync } from "node:fs";
import path2 from "node:path";

// scripts/gongshi-witness/files.ts
import { open, rename, unlink } from "node:fs/promises";
import path from "node:path";
async function syncDirectory(dir) {
  const handle2 = await open(dir, "r");
  try {
    await handle2.sync();
  } finally {
    await handle2.close();
  }
}
async function replaceFileDurably(file, content, mode = 420) {
  const temp = `${file}.tmp-${process.pid}`;
  const handle2 = await open(temp, "w", mode);
  try {
    await handle2.writeFile(content);
    await handle2.sync();
  } catch (error) {
    await handle2.close();
    await unlink(temp).catch(() => {
    });
    throw error;
  }
  await handle2.close();
  await rename(temp, file);
  await syncDirectory(path.dirname(file));
}
async function appendDurably(file, content) {
  const handle2 = await open(file, "a", 420);
  try {
    await handle2.appendFile(content);
    await handle2.sync();
  } finally {
    await handle2.close();
  }
}
async function createFileDurably(file, content, mode = 420) {
  let handle2;
  try {
    handle2 = await open(file, "wx", mode);
  } catch (error) {
    if (error.code === "EEXIST") return false;
    throw error;
  }
  try {
    await handle2.writeFile(content);
    await handle2.sync();
  } finally {
    await handle2.close();
  }
  await syncDirectory(path.dirname(file));
  return true;
}

// scripts/gongshi-witness/data-dir.ts
var KEY_FILE = "witness.key";
var LOGS_FILE = "logs.json";
var DataDirError = class extends Error {
};
function originHex(origin) {
  return toHex(sha256Hash(utf8(origin)));
}
function readSigner(dir) {
  let text;
  try {
    text = readFileSync(path2.join(dir, KEY_FILE), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") throw new DataDirError(`${dir} has no witness key: run gongshi-witness init first`);
    throw error;
  }
  try {
    return parseCosignatureSignerKey(text.trim());
  } catch (error) {
    throw new DataDirError(`${path2.join(dir, KEY_FILE)} is not a witness signer key: ${error.message}`);
  }
}
function readTrustedLogs(dir) {
  let text;
  try {
    text = readFileSync(path2.join(dir, LOGS_FILE), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return [];
    throw error;
  }
  const file = path2.join(dir, LOGS_FILE);
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DataDirError(`${file} is not JSON`);
  }
  const logs = parsed.logs;
  if (!Array.isArray(logs)) throw new DataDirError(`${file} has no "logs" list`);
  return logs.map((entry, i) => {
    const { origin, keys } = entry ?? {};
    if (typeof origin !== "string" || !isValidOrigin(origin) || !Array.isArray(keys) || !keys.every((k) => typeof k === "string")) {
      throw new DataDirError(`${file}: entry ${i + 1} is not {"origin": "...", "keys": ["..."]}`);
    }
    for (const key of keys) {
      try {
        parseVerifierKey(key);
      } catch (error) {
        throw new DataDirError(`${file}: entry ${i + 1} has a bad key: ${error.message}`);
      }
    }
    return { origin, keys };
  });
}
async function writeTrustedLogs(dir, logs) {
  await replaceFileDurably(path2.join(dir, LOGS_FILE), JSON.stringify({ logs }, null, 2) + "\n");
}
function isValidOrigin(origin) {
  return origin !== "" && origin.length <= 1024 && !/[\u0000-\u001f\u007f]/.test(origin) && isWellFormed(origin);
}

// scripts/gongshi-witness/usage.ts
var USAGE = `usage:
  gongshi-witness init --data DIR --name NAME
  gongshi-witness add-log --data DIR --origin ORIGIN --key LOG_VKEY
  gongshi-witness serve --data DIR --listen HOST:PORT`;
var UsageError = class extends Error {
};
function parseFlags(args, allowed) {
  const flags = /* @__PURE__ */ new Map();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) throw new UsageError(`unexpected argument: ${arg}`);
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
    if (!allowed.includes(name)) throw new UsageError(`unknown option --${name}`);
    if (value === void 0 || value === "") throw new UsageError(`--${name} needs a value`);
    if (flags.has(name)) throw new UsageError(`--${name} given twice`);
    flags.set(name, value);
  }
  for (const name of allowed) if (!flags.has(name)) throw new UsageError(`missing --${name}`);
  return flags;
}

// scripts/gongshi-witness/add-log.ts
async function addLog(dir, origin, key, out2) {
  if (!isValidOrigin(origin)) throw new UsageError(`--origin must be one line of text: ${JSON.stringify(origin)}`);
  try {
    parseVerifierKey(key);
  } catch (error) {
    throw new UsageError(`--key is not a log verifier key (Ed25519 note key, type 0x01): ${error.message}`);
  }
  readSigner(dir);
  const logs = readTrustedLogs(dir);
  const existing = logs.find((log) => log.origin === origin);
  if (existing?.keys.includes(key)) {
    out2(`gongshi-witness: ${origin} is already trusted with this key`);
    return;
  }
  const updated = existing ? logs.map((log) => log === existing ? { origin, keys: [...log.keys, key] } : log) : [...logs, { origin, keys: [key] }];
  await writeTrustedLogs(dir, updated);
  out2(`gongshi-witness: now trusting ${origin} with key ${key}`);
  out2("gongshi-witness: restart a running serve to pick it up");
}

// scripts/gongshi-witness/init.ts
import { chmodSync, mkdirSync } from "node:fs";
import path3 from "node:path";
async function init(dir, name, out2) {
  if (!isValidKeyName(name)) throw new UsageError(`--name must be a key name without spaces or "+": ${JSON.stringify(name)}`);
  mkdirSync(dir, { recursive: true, mode: 448 });
  await syncDirectory(path3.dirname(path3.resolve(dir)));
  const { signerKey, verifierKey } = generateCosignatureKey(name);
  const file = path3.join(dir, KEY_FILE);
  if (!await createFileDurably(file, signerKey + "\n", 384)) {
    throw new Error(`${file} already exists; refusing to replace the witness key`);
  }
  chmodSync(file, 384);
  out2(`gongshi-witness: created the witness key in ${file} (secret: back it up, never share it)`);
  out2("gongshi-witness: the witness verifier key (give it to the logs you witness):");
  out2(verifierKey);
}

// scripts/gongshi-witness/lock.ts
import { linkSync, readFileSync as readFileSync2, unlinkSync, writeFileSync } from "node:fs";
import path4 from "node:path";
var LOCK_FILE = "serve.lock";
var LockedError = class extends Error {
};
function acquireLock(dir) {
  const lock = path4.join(dir, LOCK_FILE);
  const mine = `${process.pid} ${startTime(process.pid) ?? ""}
`;
  const temp = path4.join(dir, `${LOCK_FILE}.${process.pid}`);
  writeFileSync(temp, mine);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temp, lock);
        break;
      } catch (error) {
        if (error.code !== "EEXIST" || attempt > 0) throw lockedError(lock, error);
      }
      const holder = readHolder(lock);
      if (holder !== null && isAlive(holder.pid, holder.start)) {
        throw new LockedError(`another gongshi-witness (pid ${holder.pid}) is serving ${dir}`);
      }
      unlinkSync(lock);
    }
  } finally {
    unlinkSync(temp);
  }
  return () => {
    try {
      if (readFileSync2(lock, "utf8") === mine) unlinkSync(lock);
    } catch {
    }
  };
}
function lockedError(lock, error) {
  if (error.code === "EEXIST") return new LockedError(`${lock} is held by another process starting at the same time`);
  return error;
}
function readHolder(lock) {
  try {
    const [pid, start] = readFileSync2(lock, "utf8").trim().split(" ");
    const n = Number(pid);
    return Number.isSafeInteger(n) && n > 0 ? { pid: n, start: start ?? "" } : null;
  } catch {
    return null;
  }
}
function isAlive(pid, start) {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code === "ESRCH") return false;
  }
  const fields = procStat(pid);
  if (fields === null) return true;
  if (fields[0] === "Z") return false;
  return start === "" || fields[19] === start;
}
function startTime(pid) {
  return procStat(pid)?.[19] ?? null;
}
function procStat(pid) {
  try {
    const stat = readFileSync2(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

// scripts/gongshi-witness/server.ts
import { createServer } from "node:http";

// scripts/gongshi-witness/add-checkpoint.ts
var queues = /* @__PURE__ */ new Map();
function serialized(key, task) {
  const previous = queues.get(key) ?? Promise.resolve();
  const result = previous.then(task, task);
  const tail = result.catch(() => {
  });
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return result;
}
async function addCheckpoint(body, store, signer, alert) {
  const opened = openAddCheckpoint(body, (origin2) => store.keysFor(origin2));
  if (opened.status !== "signed") {
    const origin2 = "origin" in opened ? ` origin=${JSON.stringify(opened.origin)}` : "";
    return { status: opened.status, body: opened.reason + "\n", summary: `${opened.status}${origin2}: ${opened.reason}` };
  }
  const { origin, signed } = opened;
  const what = `origin=${JSON.stringify(origin)} old=${signed.request.oldSize} size=${signed.checkpoint.size}`;
  return serialized(origin, async () => {
    const latest = store.latest(origin);
    const decision = checkAddCheckpoint(signed, latest);
    switch (decision.status) {
      case 200: {
        const cosignature = signer.cosign(signed.text, Math.floor(Date.now() / 1e3));
        if (decision.advances) {
          const logLines = signed.logSignatures.map((s) => `\u2014 ${s.name} ${s.base64}
`).join("");
          await store.record(origin, signed.checkpoint.size, signed.checkpoint.rootHash, `${signed.text}
${logLines}${cosignature}`);
        }
        return { status: 200, body: cosignature, contentType: "text/plain; charset=utf-8", summary: `200 ${what}: cosigned` };
      }
      case 400:
        return { status: 400, body: decision.reason + "\n", summary: `400 ${what}: ${decision.reason}` };
      case 409: {
        let summary = `409 ${what}: ${decision.reason}`;
        if (decision.fork) {
          const kept = await keep(store, "fork", origin, signed.request.signedCheckpoint, evidence("fork", decision.reason, latest?.note, body), alert);
          alert(
            `FORK of ${JSON.stringify(origin)} at size ${signed.checkpoint.size}: the log signed two different roots; evidence in evidence/${kept ?? "(already kept, or see above)"}`
          );
          summary += " (fork)";
        }
        return { status: 409, body: formatTlogSize(decision.size), contentType: TLOG_SIZE_CONTENT_TYPE, summary };
      }
      case 422: {
        let summary = `422 ${what}: ${decision.reason}`;
        if (decision.evidence) {
          const kept = await keep(store, "proof", origin, signed.request.signedCheckpoint, evidence("proof", decision.reason, latest?.note, body), alert);
          if (kept !== null) summary += `; kept as evidence/${kept}`;
        }
        return { status: 422, body: decision.reason + "\n", summary };
      }
    }
  });
}
async function keep(store, kind, origin, signedCheckpoint, content, alert) {
  try {
    return await store.keepEvidence(kind, origin, signedCheckpoint, content);
  } catch (error) {
    alert(`could not keep ${kind} evidence for ${JSON.stringify(origin)}: ${error.message}`);
    return null;
  }
}
function evidence(kind, reason, cosigned, request) {
  return [
    `gongshi-witness evidence: ${kind}`,
    `time: ${(/* @__PURE__ */ new Date()).toISOString()}`,
    `reason: ${reason}`,
    "",
    "=== the latest checkpoint this witness cosigned ===",
    cosigned ?? "(none)",
    "=== the add-checkpoint request, verbatim ===",
    request
  ].join("\n");
}

// scripts/gongshi-witness/server.ts
var CHECKPOINT_PATH = /^\/([0-9a-f]{64})\/checkpoint$/;
var TEXT = "text/plain; charset=utf-8";
function createWitnessServer(store, signer, log) {
  const server = createServer({ maxHeaderSize: 8192, headersTimeout: 1e4, requestTimeout: 3e4 }, (req, res) => {
    void handle(req, store, signer, log).then(
      (answer) => send(req, res, answer, log),
      (error) => {
        log.alert(`500 ${req.method} ${safePath(req)}: ${error.message}`);
        send(req, res, { status: 500, body: "internal error\n", summary: "" }, log);
      }
    );
  });
  server.keepAliveTimeout = 5e3;
  return server;
}
async function handle(req, store, signer, log) {
  const path7 = (req.url ?? "").split("?")[0];
  if (path7 === "/add-checkpoint") {
    if (req.method !== "POST") return { status: 405, body: "use POST\n", contentType: TEXT, summary: "405" };
    const body = await readBody(req);
    if (body === "too-large") return { status: 413, body: `request body over ${MAX_ADD_CHECKPOINT_BYTES} bytes
`, summary: "413 body too large" };
    if (body === null) return { status: 400, body: "request body is not UTF-8\n", summary: "400 body is not UTF-8" };
    return addCheckpoint(body, store, signer, log.alert);
  }
  const match = CHECKPOINT_PATH.exec(path7);
  if (match !== null) {
    if (req.method !== "GET" && req.method !== "HEAD") return { status: 405, body: "use GET\n", summary: "405" };
    const latest = store.latestByHex(match[1]);
    if (latest === void 0) return { status: 404, body: "unknown log\n", summary: "404 unknown log" };
    if (latest === null) return { status: 404, body: "no checkpoint cosigned yet\n", summary: "404 nothing cosigned yet" };
    return { status: 200, body: latest.note, summary: `200 size ${latest.size}` };
  }
  return { status: 404, body: "not found\n", summary: "404" };
}
function readBody(req) {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_ADD_CHECKPOINT_BYTES) return Promise.resolve("too-large");
  return new Promise((resolve) => {
    const chunks = [];
    let length = 0;
    req.on("data", (chunk) => {
      length += chunk.length;
      if (length > MAX_ADD_CHECKPOINT_BYTES) {
        req.pause();
        resolve("too-large");
      } else chunks.push(chunk);
    });
    req.on("end", () => {
      try {
        resolve(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks)));
      } catch {
        resolve(null);
      }
    });
    req.on("error", () => resolve(null));
    req.on("close", () => resolve(null));
  });
}
function send(req, res, answer, log) {
  log.info(`${req.method} ${safePath(req)} ${answer.summary || answer.status}`);
  if (res.headersSent || res.destroyed) return;
  const unread = !req.complete;
  res.writeHead(answer.status, {
    "Content-Type": answer.contentType ?? TEXT,
    "Content-Length": Buffer.byteLength(answer.body),
    "Cache-Control": "no-store",
    ...answer.status === 405 ? { Allow: req.url?.startsWith("/add-checkpoint") ? "POST" : "GET, HEAD" } : {},
    // A body left unread is not drained: the connection is closed after the answer instead.
    ...unread ? { Connection: "close" } : {}
  });
  res.end(req.method === "HEAD" ? void 0 : answer.body);
  if (unread) res.on("finish", () => req.socket.destroySoon());
}
function safePath(req) {
  return JSON.stringify((req.url ?? "").slice(0, 200));
}

// scripts/gongshi-witness/store.ts
import { mkdirSync as mkdirSync2 } from "node:fs";
import path6 from "node:path";

// scripts/gongshi-witness/recover.ts
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync as readFileSync3, readSync, unlinkSync as unlinkSync2, writeSync } from "node:fs";
import path5 from "node:path";
function historyLine(latest) {
  return JSON.stringify({ time: (/* @__PURE__ */ new Date()).toISOString(), size: latest.size, root: formatHash(latest.rootHash), note: latest.note }) + "\n";
}
function recover(logDir, origin) {
  for (const name of readdirSync(logDir)) {
    if (name.startsWith("checkpoint.tmp-")) unlinkSync2(path5.join(logDir, name));
  }
  const historyFile = path5.join(logDir, "history");
  const last = cutToLastLine(historyFile);
  let note;
  try {
    note = readFileSync3(path5.join(logDir, "checkpoint"), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  let latest;
  try {
    const split2 = note.lastIndexOf("\n\n");
    const checkpoint = parseCheckpoint(note.slice(0, split2 + 1));
    if (split2 < 0 || checkpoint.origin !== origin) throw new Error("wrong origin");
    latest = { size: checkpoint.size, rootHash: checkpoint.rootHash, note };
  } catch (error) {
    throw new DataDirError(`${path5.join(logDir, "checkpoint")} is damaged (${error.message}); refusing to start rather than forget what was cosigned`);
  }
  if (noteOf(last) !== note) appendSync(historyFile, historyLine(latest));
  return latest;
}
function noteOf(line) {
  try {
    return line === null ? null : JSON.parse(line).note ?? null;
  } catch {
    return null;
  }
}
function appendSync(file, text) {
  const fd = openSync(file, "a", 420);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
function cutToLastLine(file) {
  let fd;
  try {
    fd = openSync(file, "r+");
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    const from = Math.max(0, size - (256 << 10));
    const tail = Buffer.alloc(size - from);
    readSync(fd, tail, 0, tail.length, from);
    const end = tail.lastIndexOf(10) + 1;
    if (from + end !== size) {
      ftruncateSync(fd, from + end);
      fsyncSync(fd);
    }
    if (end === 0) return null;
    return tail.subarray(tail.lastIndexOf(10, end - 2) + 1, end - 1).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

// scripts/gongshi-witness/store.ts
var WitnessStore = class _WitnessStore {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  byOrigin = /* @__PURE__ */ new Map();
  byHex = /* @__PURE__ */ new Map();
  static open(dir) {
    const store = new _WitnessStore(dir);
    for (const log of readTrustedLogs(dir)) {
      const hex = originHex(log.origin);
      const logDir = path6.join(dir, "logs", hex);
      mkdirSync2(logDir, { recursive: true });
      const entry = { origin: log.origin, verifiers: log.keys.map(parseVerifierKey), dir: logDir, latest: null };
      entry.latest = recover(logDir, log.origin);
      store.byOrigin.set(log.origin, entry);
      store.byHex.set(hex, entry);
    }
    mkdirSync2(path6.join(dir, "evidence"), { recursive: true });
    return store;
  }
  get logCount() {
    return this.byOrigin.size;
  }
  keysFor(origin) {
    return this.byOrigin.get(origin)?.verifiers;
  }
  latest(origin) {
    return this.byOrigin.get(origin)?.latest ?? null;
  }
  /** For GET /<hex>/checkpoint: undefined for an unknown log, null before the first cosignature. */
  latestByHex(hex) {
    const entry = this.byHex.get(hex);
    return entry === void 0 ? void 0 : entry.latest;
  }
  /**
   * Records a newly cosigned checkpoint: the latest state first (atomically replaced), then
   * its line in the history. A crash between the two is repaired on reopening, so the history
   * is exactly the sequence of states that ever reached the disk.
   */
  async record(origin, size, rootHash, note) {
    const entry = this.byOrigin.get(origin);
    if (entry === void 0) throw new Error(`not a trusted log: ${origin}`);
    await replaceFileDurably(path6.join(entry.dir, "checkpoint"), note);
    entry.latest = { size, rootHash, note };
    await appendDurably(path6.join(entry.dir, "history"), historyLine(entry.latest));
  }
  /**
   * Keeps a request as evidence, once per signed checkpoint and kind: the checkpoint is
   * signed by the log, the proof lines are not, so keying on the request body would let
   * anyone fill the disk by varying them. Returns the file name, or null if already kept.
   */
  async keepEvidence(kind, origin, signedCheckpoint, content) {
    const name = `${kind}-${originHex(origin).slice(0, 16)}-${originHex(signedCheckpoint).slice(0, 32)}.txt`;
    const created = await createFileDurably(path6.join(this.dir, "evidence", name), content);
    return created ? name : null;
  }
};

// scripts/gongshi-witness/serve.ts
function parseListen(listen) {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:\s]+):([0-9]{1,5})$/.exec(listen);
  const port = Number(match?.[2]);
  if (match === null || port > 65535) throw new UsageError(`--listen must be HOST:PORT, e.g. 127.0.0.1:7380: ${JSON.stringify(listen)}`);
  return { host: match[1].replace(/^\[(.*)\]$/, "$1"), port };
}
async function serve(dir, listen, out2, err2) {
  const { host, port } = parseListen(listen);
  const signer = readSigner(dir);
  const release = acquireLock(dir);
  let store;
  try {
    store = WitnessStore.open(dir);
  } catch (error) {
    release();
    throw error;
  }
  if (store.logCount === 0) err2("gongshi-witness: warning: no logs trusted yet (add-log), every request will be 404");
  const stamp = () => (/* @__PURE__ */ new Date()).toISOString();
  const server = createWitnessServer(store, signer, {
    info: (line) => err2(`${stamp()} ${line}`),
    alert: (line) => err2(`${stamp()} ALERT ${line}`)
  });
  await new Promise((resolve, reject) => {
    server.once("error", (error) => {
      release();
      reject(error);
    });
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  out2(`gongshi-witness: listening on http://${shown}:${address.port} as ${signer.verifierKey}`);
  const stop = () => {
    server.close(() => {
      release();
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      release();
      process.exit(0);
    }, 3e3).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

// scripts/gongshi-witness/main.ts
var out = (line) => process.stdout.write(line + "\n");
var err = (line) => process.stderr.write(line + "\n");
async function main(args) {
  const [command, ...rest] = args;
  switch (command) {
    case "init": {
      const flags = parseFlags(rest, ["data", "name"]);
      return init(flags.get("data"), flags.get("name"), out);
    }
    case "add-log": {
      const flags = parseFlags(rest, ["data", "origin", "key"]);
      return addLog(flags.get("data"), flags.get("origin"), flags.get("key"), out);
    }
    case "serve": {
      const flags = parseFlags(rest, ["data", "listen"]);
      return serve(flags.get("data"), flags.get("listen"), out, err);
    }
    case "help":
    case "--help":
    case "-h":
      out(USAGE);
      return;
    default:
      throw new UsageError(command === void 0 ? "no command given" : `unknown command: ${command}`);
  }
}
main(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError) {
    err(`gongshi-witness: ${error.message}
${USAGE}`);
    process.exitCode = 2;
  } else {
    err(`gongshi-witness: error: ${error.message}`);
    process.exitCode = 1;
  }
});
