/**
 * The parts of next.config.ts the page cache relies on (README.md in this folder, upgrade
 * checklist): spread into the configuration, so that they are named and explained in one place.
 */
export function pageCacheNextConfig({ serverCompresses }: { serverCompresses: boolean }) {
  return {
    // server.mjs (`npm start`) compresses responses itself, so that the page cache can answer with
    // pages gzipped once instead of once per visitor (precompressed.mjs); plain `next start`
    // still compresses here.
    compress: !serverCompresses,
    // Metadata (title, description, share tags) in the <head> for every client, not streamed
    // after the body for browsers and in the head for crawlers only: link previews and feed
    // readers that Next does not know as bots get them too, and a page's HTML does not depend on
    // the User-Agent, so the page cache can share it between visitors.
    htmlLimitedBots: /.*/,
    // Let proxy.ts see a request as it came: Next otherwise removes the client router's headers
    // (RSC, Next-Router-State-Tree, …) and its _rsc parameter before the proxy runs, and the page
    // cache must tell a page's React Server Components payload from the page itself.
    skipProxyUrlNormalize: true,
  };
}
