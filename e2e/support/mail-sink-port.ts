/**
 * The port of the SMTP sink e2e/alerts/alerts.spec.ts starts: the e2e portal (playwright.config.ts)
 * sends alert mail there. While no spec listens, a mail the portal tries to send fails and is
 * tried again later; only the alerts spec makes any.
 */
export const E2E_MAIL_SINK_PORT = 3140;
