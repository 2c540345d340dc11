import { renderStoredMarkdown } from "@/lib/markdown/render-stored";

/** User-written Markdown, rendered through the sanitising pipeline in lib/ (cached, and cut off if slow). */
export function Markdown({ source, empty = "Not written yet." }: { source: string; empty?: string }) {
  if (!source.trim()) return <p className="muted">{empty}</p>;
  return <div className="prose" dangerouslySetInnerHTML={{ __html: renderStoredMarkdown(source) }} />;
}
