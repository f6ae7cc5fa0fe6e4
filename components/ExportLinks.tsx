import type { ExportLinks as Links } from "@/lib/queries";

/** Downloads of every record the page's filters match (all pages), from the same query. */
export function ExportLinks({ links, what }: { links: Links; what: string }) {
  return (
    <p className="export-links" data-testid="export-links">
      <span className="meta">Download {what}:</span>{" "}
      <a href={links.csv} download>
        Download CSV
      </a>{" "}
      <a href={links.json} download>
        Download JSON
      </a>
    </p>
  );
}
