import "server-only";
/** The actor of the current request, from its session cookie (null when signed out). */
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { loadActor, type Actor } from "./authorize";
import { auth } from "./server";

export async function currentActor(): Promise<Actor | null> {
  const session = await auth().api.getSession({ headers: await headers() });
  return session ? loadActor(db(), session.user.id) : null;
}
