import "server-only";
import { notFound } from "next/navigation";
import { ApiError } from "@/lib/server/api/errors";

/** For pages: a service's "not found" becomes the localized 404 page; anything else propagates. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.code === "not-found") notFound();
    throw error;
  }
}
