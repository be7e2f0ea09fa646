/**
 * A local SMTP server that accepts every message and keeps it: where alert mail goes in
 * development (`npm run up` starts one when SMTP_URL is not set) and in tests (test/alerts,
 * e2e/alerts), which read what was "sent" from it. Real SMTP (smtp-server, nodemailer's sibling),
 * no authentication, no TLS, loopback only. Messages are parsed with mailparser and, with `dir`,
 * also written there as .eml files to open in any mail program.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SunkMail {
  to: string[];
  subject: string;
  text: string;
  /** Header names in lower case. */
  headers: Map<string, string>;
  messageId: string | undefined;
  raw: string;
}

export interface MailSink {
  port: number;
  url: string;
  messages: SunkMail[];
  /** Resolves with the first message (already received or still to come) that `match` accepts. */
  next(match: (mail: SunkMail) => boolean): Promise<SunkMail>;
  close(): Promise<void>;
}

export interface MailSinkOptions {
  port?: number;
  host?: string;
  dir?: string;
  /** Awaited after a message is kept and before the sender is told it was accepted (a test kills the sender there). */
  beforeAccept?: (mail: SunkMail) => Promise<void>;
}

export async function startMailSink(options: MailSinkOptions = {}): Promise<MailSink> {
  const host = options.host ?? "127.0.0.1";
  const messages: SunkMail[] = [];
  const waiting: { match: (mail: SunkMail) => boolean; resolve: (mail: SunkMail) => void }[] = [];
  if (options.dir) await mkdir(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        try {
          const raw = Buffer.concat(chunks).toString("utf8");
          const parsed = await simpleParser(raw);
          const headers = new Map<string, string>();
          for (const line of parsed.headerLines) headers.set(line.key, line.line.slice(line.line.indexOf(":") + 1).trim());
          const mail: SunkMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            headers,
            messageId: parsed.messageId,
            raw,
          };
          messages.push(mail);
          if (options.dir) await writeFile(path.join(options.dir, `${Date.now()}-${messages.length}.eml`), raw);
          for (const w of waiting.filter((w) => w.match(mail))) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(mail);
          }
          await options.beforeAccept?.(mail);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port!;
  return {
    port,
    url: `smtp://${host}:${port}`,
    messages,
    next(match) {
      const found = messages.find(match);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiting.push({ match, resolve }));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
