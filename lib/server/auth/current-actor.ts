import "server-only";
/** The actor of the current request, from its session cookie (null when signed out). */
import { cache } from "react";
import { headers } from "next/headers";
import { db } from "@/lib/server/db/client";
import { isMirror } from "@/lib/server/mirror/mirror-config";
import { loadActor, type Actor } from "./authorize";
import { auth } from "./server";

/** Cached per request: the admin layout (its navigation) and the page both ask. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  // A mirror has no staff (proxy.ts): a server action reaching it by its id is anonymous, so
  // every service refuses it as it refuses a signed-out visitor.
  if (isMirror()) return null;
  const session = await auth().api.getSession({ headers: await headers() });
  return session ? loadActor(db(), session.user.id) : null;
});
