import "server-only";
/**
 * Sends alert mail through SMTP with nodemailer. The portal's mailer is made from SMTP_URL and
 * MAIL_FROM (lib/server/env.ts); without SMTP_URL there is none and alerts are off (the subscribe page
 * says so). Links in mail start with PUBLIC_URL: never with a request's Host header, which the
 * requester chooses and could point a confirmation mail to another site. Without PUBLIC_URL,
 * the server's own origin (server.mjs sets GONGSHI_SELF_ORIGIN), else http://localhost:3000 for
 * `next dev` (docs/alerts.md).
 */
import nodemailer, { type Transporter } from "nodemailer";
import { alertEnv } from "@/lib/server/env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
  /** A stable Message-ID, so a digest sent twice after a crash is recognizably the same mail. */
  messageId?: string;
}

export interface AlertMailer {
  /** Where links in mail point: the portal's public origin, without a trailing slash. */
  baseUrl: string;
  /** Resolves once the SMTP server has accepted the message; rejects otherwise. */
  send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
  smtpUrl: string;
  from: string;
  baseUrl: string;
}

export function createMailer({ smtpUrl, from, baseUrl }: MailerOptions): AlertMailer {
  // Bounded waits: a digest holds its subscription's row while it sends (lib/server/alerts/send-digests.ts).
  const url = new URL(smtpUrl);
  for (const [name, ms] of [
    ["connectionTimeout", 15_000],
    ["greetingTimeout", 15_000],
    ["socketTimeout", 30_000],
  ] as const) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  }
  const transport: Transporter = nodemailer.createTransport(url.toString());
  return {
    baseUrl: baseUrl.replace(/\/+$/, ""),
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, headers: message.headers, messageId: message.messageId });
    },
  };
}

const holder = globalThis as unknown as { gongshiMailer?: { key: string; mailer: AlertMailer } };

/** The portal's mailer, or null when SMTP_URL is not set (alerts are off). */
export function portalMailer(): AlertMailer | null {
  const { SMTP_URL, MAIL_FROM, PUBLIC_URL, GONGSHI_SELF_ORIGIN, PORT } = alertEnv();
  if (!SMTP_URL) return null;
  const baseUrl = PUBLIC_URL ?? GONGSHI_SELF_ORIGIN ?? `http://localhost:${PORT}`;
  const from = MAIL_FROM ?? `Gongshi <alerts@${new URL(baseUrl).hostname}>`;
  const key = JSON.stringify([SMTP_URL, from, baseUrl]);
  if (holder.gongshiMailer?.key !== key) holder.gongshiMailer = { key, mailer: createMailer({ smtpUrl: SMTP_URL, from, baseUrl }) };
  return holder.gongshiMailer.mailer;
}
