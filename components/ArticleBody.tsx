import Markdown, { type Components } from "react-markdown";
import { rehypeHighlightRecords } from "@/lib/markdown/highlight";
import type { Mark, SentenceRange } from "@/lib/schema";

/**
 * Renders an article's Markdown safely: raw HTML in the text is dropped (react-markdown
 * without rehype-raw), URLs go through react-markdown's allow-list (no javascript: or
 * data:), and images are shown as links so nothing is fetched from outside the machine.
 */
const components: Components = {
  a: ({ href, children }) => (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank">
      {children}
    </a>
  ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} rel="noopener noreferrer nofollow" target="_blank">
        [image: {alt || src}]
      </a>
    ) : (
      <span>[image: {alt}]</span>
    ),
};

export function ArticleBody({
  body,
  marks,
  sentences,
  focus,
  flagged,
}: {
  body: string;
  marks: Mark[];
  sentences: SentenceRange[];
  focus?: number;
  /** Sentences that carry a flag. */
  flagged?: number[];
}) {
  return (
    <div className="prose" data-testid="article-body">
      <Markdown skipHtml components={components} rehypePlugins={[[rehypeHighlightRecords, { source: body, marks, sentences, focus, flagged }]]}>
        {body}
      </Markdown>
    </div>
  );
}
