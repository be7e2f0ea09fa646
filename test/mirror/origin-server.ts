/**
 * A real HTTP origin for the mirror tests: the portal's own public route handlers (the very
 * code `npm start` serves) behind node:http on a random port, reading the origin's database.
 * The mirror under test reaches it only over HTTP, as it reaches a real origin.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@/lib/server/db/generated/client";
import * as checkpoint from "@/app/log/checkpoint/route";
import * as checkpoints from "@/app/api/v1/log/checkpoints/route";
import * as records from "@/app/api/v1/log/records/route";
import * as agencies from "@/app/api/v1/agencies/route";
import * as consistency from "@/app/api/v1/log/proof/consistency/route";
import * as attachment from "@/app/api/v1/notices/[id]/versions/[version]/attachments/[position]/route";

export interface TestOrigin {
  url: string;
  /** Requests served, by path without the query. */
  requests: string[];
  close(): Promise<void>;
}

export async function startTestOrigin(prisma: PrismaClient): Promise<TestOrigin> {
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    // The handlers read the process-wide client (lib/server/db/client.ts): this origin's database.
    (globalThis as unknown as { gongshiPrisma?: PrismaClient }).gongshiPrisma = prisma;
    const url = new URL(req.url ?? "/", "http://origin.test");
    requests.push(url.pathname);
    const request = new Request(url);
    let response: Response;
    const file = /^\/api\/v1\/notices\/([^/]+)\/versions\/([^/]+)\/attachments\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === "/log/checkpoint") response = await checkpoint.GET();
    else if (url.pathname === "/api/v1/log/checkpoints") response = await checkpoints.GET(request);
    else if (url.pathname === "/api/v1/log/records") response = await records.GET(request);
    else if (url.pathname === "/api/v1/agencies") response = await agencies.GET(new Request("http://origin.test/api/v1/agencies"));
    else if (url.pathname === "/api/v1/log/proof/consistency") response = await consistency.GET(request);
    else if (file) response = await attachment.GET(request, { params: Promise.resolve({ id: decodeURIComponent(file[1]!), version: file[2]!, position: file[3]! }) });
    else response = new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
