import { ForbiddenPage } from "@/components/forbidden-page";

/** Anyone signed in who is not an administrator: status 403. */
export default function Forbidden() {
  return <ForbiddenPage />;
}
