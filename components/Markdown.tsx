import { renderMarkdown } from "@/lib/markdown/render";

/** User-written Markdown, rendered through the sanitising pipeline in lib/. */
export function Markdown({ source, empty = "Not written yet." }: { source: string; empty?: string }) {
  if (!source.trim()) return <p className="muted">{empty}</p>;
  return <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
