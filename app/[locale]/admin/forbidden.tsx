import { Forbidden } from "@/components/admin/forbidden";

/** Rendered with status 403 when an admin page calls forbidden() (see ./guard.ts). */
export default function AdminForbidden() {
  return <Forbidden />;
}
