import { ForbiddenPage } from "@/components/forbidden-page";

/** A clerk of another agency (or a signed-in person who is not a clerk): status 403. */
export default function Forbidden() {
  return <ForbiddenPage />;
}
