/** Locale-aware Link, redirect and router: use these instead of next/link inside pages. */
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link, redirect, usePathname, useRouter, getPathname } = createNavigation(routing);
