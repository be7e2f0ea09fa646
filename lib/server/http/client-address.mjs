/**
 * The client's address, decided once per request in server.mjs, the only place that knows the
 * socket's remote address. X-Forwarded-For is believed only hop by hop from the right, and only
 * while the hop that added an entry is one of TRUSTED_PROXIES (proxy-addr, as Express does it):
 * without trusted proxies it is the socket's address, so no client can choose its own.
 * The answer goes to the app in CLIENT_ADDRESS_HEADER, always overwritten, so a client that
 * sends that header itself changes nothing (lib/server/auth/request-origin.ts reads it).
 */
import proxyaddr from "proxy-addr";

export const CLIENT_ADDRESS_HEADER = "x-gongshi-client-address";

/**
 * The request preparer for a TRUSTED_PROXIES value (comma-separated IPs, CIDRs or proxy-addr's
 * names such as `loopback`). Throws, naming the variable, on a value proxy-addr cannot read.
 */
export function clientAddressPreparer(trustedProxies) {
  const list = (trustedProxies ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let trust;
  try {
    trust = proxyaddr.compile(list);
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES: ${error.message}`);
  }
  return function prepareClientAddress(req) {
    // Node joins repeated headers; deleting first also drops every copy a client sent.
    delete req.headers[CLIENT_ADDRESS_HEADER];
    const address = req.socket.remoteAddress === undefined ? "" : proxyaddr(req, trust);
    // An IPv4 client on a dual-stack socket is "::ffff:a.b.c.d": keep one spelling per client.
    req.headers[CLIENT_ADDRESS_HEADER] = address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
  };
}
