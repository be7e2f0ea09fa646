/** What the subscribe form shows after a submission (a plain module: the page, the form and the action share it). */
export interface SubscribeState {
  status: "idle" | "sent" | "error" | "unavailable";
  error?: "invalidEmail" | "rateLimited" | "mailFailed";
  minutes?: number;
  /** What was typed, kept on error. */
  email: string;
}
