"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/timeline", label: "Timeline" },
  { href: "/chemicals", label: "Chemicals" },
  { href: "/actors", label: "Actors" },
  { href: "/articles", label: "Articles" },
  { href: "/charts", label: "Charts" },
  { href: "/flags", label: "Flags" },
  { href: "/issues", label: "Content issues" },
  { href: "/add", label: "Add news" },
] as const;

/** Site navigation; marks the current section for screen readers and sighted users alike. */
export function Nav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="nav">
        {LINKS.map((link) => {
          const current = link.href === "/" ? pathname === "/" : pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined}>
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
