/**
 * Password rules for clerks and administrators: at least 12 characters, at most 128
 * (scrypt cost grows with length), and not the account's own email or its local part, which
 * is the first thing an attacker who knows the address tries.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "too-short" | "too-long" | "is-email";

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "too-short";
  if ([...password].length > PASSWORD_MAX_LENGTH) return "too-long";
  const typed = password.trim().toLowerCase();
  const address = email.trim().toLowerCase();
  if (typed === address || typed === address.split("@")[0]) return "is-email";
  return null;
}

export function describePasswordProblem(problem: PasswordProblem): string {
  switch (problem) {
    case "too-short":
      return `the password must have at least ${PASSWORD_MIN_LENGTH} characters`;
    case "too-long":
      return `the password must have at most ${PASSWORD_MAX_LENGTH} characters`;
    case "is-email":
      return "the password must not be the email address";
  }
}
