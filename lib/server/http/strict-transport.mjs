/**
 * Strict-Transport-Security, only on an answer that goes out over HTTPS: the connection is TLS,
 * a proxy in front says the client's request was https (X-Forwarded-Proto), or the portal's
 * public address (PUBLIC_URL) is https. Sent over plain HTTP it would be ignored by browsers at
 * best, and on a portal reachable only over HTTP during setup it would pin a name to HTTPS that
 * does not serve it yet. A client that forges X-Forwarded-Proto only gets a header its browser
 * ignores on plain HTTP. Plain JavaScript for server.mjs; typed by strict-transport.d.mts.
 */
export const HSTS = "max-age=31536000; includeSubDomains";

export function servedOverHttps(req, publicUrl) {
  if (req.socket?.encrypted) return true;
  const proto = req.headers["x-forwarded-proto"];
  const first = (Array.isArray(proto) ? proto[0] : proto)?.split(",")[0]?.trim().toLowerCase();
  if (first === "https") return true;
  return typeof publicUrl === "string" && publicUrl.toLowerCase().startsWith("https://");
}
