"use client";
/**
 * The staff pages' navigation. Each link shows only to the roles whose services would allow the
 * page (the services still decide; hiding a link is a courtesy, not the control).
 */
import { useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import type { Role } from "@/lib/server/auth/authorize";

const LINKS: { href: string; key: string; roles: readonly Role[] }[] = [
  { href: "/admin", key: "dashboard", roles: ["administrator", "clerk", "auditor"] },
  { href: "/admin/work", key: "work", roles: ["clerk"] },
  { href: "/admin/notices/new", key: "newNotice", roles: ["clerk"] },
  { href: "/admin/agencies", key: "agencies", roles: ["administrator"] },
  { href: "/admin/users", key: "users", roles: ["administrator"] },
  { href: "/admin/tokens", key: "tokens", roles: ["administrator"] },
  { href: "/admin/audit", key: "audit", roles: ["administrator", "auditor"] },
  { href: "/admin/account", key: "account", roles: ["administrator", "clerk", "auditor"] },
];

/** The links a role sees; a user without a role sees the dashboard only. */
export function adminLinks(role: Role | null) {
  return LINKS.filter((link) => link.href === "/admin" || (role !== null && link.roles.includes(role)));
}

export function AdminNav({ role }: { role: Role | null }) {
  const t = useTranslations("adminNav");
  const pathname = usePathname();
  const current = (href: string) => pathname === href || (href !== "/admin" && pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={t("label")} className="mb-8 border-b border-stone-300 pb-3">
      <ul className="flex flex-wrap gap-x-5 gap-y-2">
        {adminLinks(role).map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current(link.href) ? "page" : undefined}
              className="text-red-800 underline underline-offset-2 aria-[current=page]:font-bold aria-[current=page]:no-underline"
            >
              {t(link.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
