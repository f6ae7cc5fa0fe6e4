import type { Metadata } from "next";
import Link from "next/link";
import { Nav } from "@/components/Nav";
import { plural } from "@/lib/format";
import { getCorpus } from "./corpus";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Precursor Watch", template: "%s · Precursor Watch" },
  description: "News on fentanyl precursor controls: chemicals, actors, dates and figures.",
  // The icons and the web manifest are static files in public/.
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const corpus = await getCorpus();
  const errors = corpus.issues.filter((i) => i.severity === "error").length;
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="inner">
            <Link href="/" className="brand">
              Precursor Watch
            </Link>
            <Nav />
          </div>
        </header>
        {corpus.issues.length > 0 && (
          <div className="banner" role="status" data-testid="issues-banner">
            {errors > 0
              ? `${plural(errors, "problem")} in the content folder: the affected files are left out until fixed. `
              : `${plural(corpus.issues.length, "warning")} about the content. `}
            <Link href="/issues">See content issues</Link>
          </div>
        )}
        <main id="main">{children}</main>
        <footer className="site-footer">
          Precursor Watch · {plural(corpus.articleCount, "article")} · records are extracted automatically; check them against
          the article text.
        </footer>
      </body>
    </html>
  );
}
