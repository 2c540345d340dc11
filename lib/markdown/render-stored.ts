import { createHash } from "node:crypto";
import { escapeHtml } from "../../publisher/markdown.mjs";
import { TimeLimitExceeded, withinTime } from "../time-limit";
import { renderMarkdown } from "./render";

/** Longest a page waits for one stored text to be formatted; beyond it the text is shown as it was written. */
export const RENDER_LIMIT_MS = 250;
const CACHE_ENTRIES = 500;
const cache = new Map<string, string>();

/**
 * Stored Markdown -> safe HTML for a page, remembered by content (so a text is formatted once, not on
 * every view) and cut off after `limitMs`: some inputs take the parser seconds, and a page must not
 * hold up the server for that. Text that cannot be formatted in time is shown as escaped plain text.
 */
export function renderStoredMarkdown(markdown: string, limitMs = RENDER_LIMIT_MS): string {
  const key = createHash("sha256").update(markdown).digest("base64url");
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let html: string;
  try {
    html = withinTime(limitMs, () => renderMarkdown(markdown));
  } catch (err) {
    if (!(err instanceof TimeLimitExceeded)) throw err;
    html = `<p class="muted">This text is too complex to format quickly, so it is shown as written.</p><pre class="as-written">${escapeHtml(markdown)}</pre>`;
  }
  cache.set(key, html);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return html;
}
