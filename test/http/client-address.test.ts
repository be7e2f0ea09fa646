/**
 * The client's address over real HTTP: server.mjs's request preparer (lib/server/http/client-address.mjs)
 * in front of requestOrigin(), as `npm start` runs them. X-Forwarded-For counts only through
 * TRUSTED_PROXIES, and a client's own copy of the address header is always replaced.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressPreparer } from "@/lib/server/http/client-address.mjs";
import { CLIENT_ADDRESS_HEADER, requestOrigin } from "@/lib/server/auth/request-origin";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that prepares each request as server.mjs does and answers what requestOrigin() reads. */
async function serve(trustedProxies: string | undefined): Promise<string> {
  const prepare = clientAddressPreparer(trustedProxies);
  server = http.createServer((req, res) => {
    prepare(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(requestOrigin(headers)));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function ipSeenBy(url: string, headers: Record<string, string>): Promise<string | null> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve((JSON.parse(body) as { ip: string | null }).ip));
      })
      .on("error", reject);
  });
}

describe("client address", () => {
  it("without TRUSTED_PROXIES is the socket's address, whatever X-Forwarded-For or the header say", async () => {
    const url = await serve(undefined);
    expect(await ipSeenBy(url, {})).toBe("127.0.0.1");
    expect(await ipSeenBy(url, { "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.1");
    expect(await ipSeenBy(url, { "x-forwarded-for": "203.0.113.9, 198.51.100.2", "x-real-ip": "192.0.2.5" })).toBe("127.0.0.1");
    expect(await ipSeenBy(url, { [CLIENT_ADDRESS_HEADER]: "192.0.2.77" })).toBe("127.0.0.1");
  });

  it("walks X-Forwarded-For from the right while the hop is a trusted proxy", async () => {
    const url = await serve("127.0.0.1");
    // The proxy (127.0.0.1) vouches only for the entry it added: the last one.
    expect(await ipSeenBy(url, { "x-forwarded-for": "203.0.113.9, 198.51.100.2" })).toBe("198.51.100.2");
    expect(await ipSeenBy(url, { "x-forwarded-for": "198.51.100.2", [CLIENT_ADDRESS_HEADER]: "192.0.2.77" })).toBe("198.51.100.2");
    // Through a trusted proxy with no X-Forwarded-For, the proxy itself is the client.
    expect(await ipSeenBy(url, {})).toBe("127.0.0.1");
  });

  it("goes past every trusted hop, CIDR ranges included", async () => {
    const url = await serve(" 127.0.0.1/8 , 198.51.100.0/24 ");
    expect(await ipSeenBy(url, { "x-forwarded-for": "203.0.113.9, 198.51.100.2, 198.51.100.3" })).toBe("203.0.113.9");
    // A forged entry to the left of an untrusted hop is not believed.
    expect(await ipSeenBy(url, { "x-forwarded-for": "10.9.9.9, 203.0.113.9, 198.51.100.3" })).toBe("203.0.113.9");
  });

  it("refuses a TRUSTED_PROXIES value it cannot read, naming the variable", () => {
    expect(() => clientAddressPreparer("10.0.0.0/99")).toThrow(/^TRUSTED_PROXIES: /);
    expect(() => clientAddressPreparer("not-an-address")).toThrow(/^TRUSTED_PROXIES: /);
  });
});
