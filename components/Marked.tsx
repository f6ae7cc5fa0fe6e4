import type { TextPart } from "@/lib/text/marks";

/** Text with the words a search matched in <mark>: parts are rendered as text, never as HTML. */
export function Marked({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
