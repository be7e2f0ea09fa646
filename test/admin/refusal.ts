/** What a service's refusal says (status, and for a form the field and message key), for asserting on it. */
import { ApiError } from "@/lib/server/api/errors";
import { FieldError } from "@/lib/server/admin/field-error";

export async function refusal(action: () => Promise<unknown>): Promise<{ status: number; field?: string; key?: string }> {
  try {
    await action();
  } catch (error) {
    if (error instanceof FieldError) return { status: error.status, field: error.field, key: error.messageKey };
    if (error instanceof ApiError) return { status: error.status };
    throw error;
  }
  throw new Error("expected a refusal");
}
