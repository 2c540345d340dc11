// @ts-check
/**
 * A small, safe Markdown for status messages: paragraphs, line breaks, lists, **bold**, *italic*,
 * `code` and [links](https://…). Everything is escaped first, so no HTML from the author survives,
 * and only http(s) and mailto links are made. Both publishing doors use this, so output is identical.
 */

/** @param {string} text */
export function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** @param {string} escaped already-escaped text */
function inline(escaped) {
  return escaped
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
    .replace(/\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^\s)"]+)\)/g, '<a href="$2" rel="nofollow noopener">$1</a>');
}

/** @param {string} markdown */
export function renderMessage(markdown) {
  const blocks = markdown.replace(/\r\n?/g, "\n").trim().split(/\n{2,}/);
  return blocks
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
        return `<ul>${lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^\s*[-*]\s+/, "")))}</li>`).join("")}</ul>`;
      }
      return `<p>${lines.map((l) => inline(escapeHtml(l))).join("<br>")}</p>`;
    })
    .join("\n");
}
