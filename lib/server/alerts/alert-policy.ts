/**
 * The limits that keep the subscribe form from being used against someone's mailbox
 * (docs/alerts.md): an address gets at most one confirmation mail per CONFIRMATION_PERIOD_MS,
 * holds at most MAX_SUBSCRIPTIONS_PER_ADDRESS subscriptions, and an unconfirmed request is
 * deleted after CONFIRMATION_TTL_MS, with its address.
 */
export const CONFIRMATION_PERIOD_MS = 60 * 60 * 1000;
export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000;
export const MAX_SUBSCRIPTIONS_PER_ADDRESS = 20;
