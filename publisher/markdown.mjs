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

/**
 * A longer document for the site (a customer postmortem): what renderMessage does, plus headings and
 * pipe tables. The same escaping and the same inline rules, so author HTML never survives here either.
 * @param {string} markdown
 */
export function renderDocument(markdown) {
  const blocks = markdown.replace(/\r\n?/g, "\n").trim().split(/\n{2,}/);
  return blocks.flatMap((block) => splitHeadings(block)).map((block) => {
    const heading = /^(#{1,4})\s+(.+?)\s*#*\s*$/.exec(block);
    if (heading) {
      // The page's title is its h1, so a document's top headings are h2.
      const level = Math.min(4, Math.max(2, heading[1].length));
      return `<h${level}>${inline(escapeHtml(heading[2]))}</h${level}>`;
    }
    const lines = block.split("\n");
    if (lines.length >= 2 && lines.every((l) => /^\s*\|.*\|\s*$/.test(l)) && /^\s*\|[\s:|-]+\|\s*$/.test(lines[1])) return table(lines);
    return renderMessage(block);
  }).join("\n");
}

/** A heading line starts its own block even without a blank line after it. @param {string} block */
function splitHeadings(block) {
  const out = /** @type {string[]} */ ([]);
  let rest = /** @type {string[]} */ ([]);
  for (const line of block.split("\n")) {
    if (/^#{1,4}\s+/.test(line)) {
      if (rest.length) out.push(rest.join("\n"));
      out.push(line);
      rest = [];
    } else rest.push(line);
  }
  if (rest.length) out.push(rest.join("\n"));
  return out;
}

/** @param {string[]} lines */
function table(lines) {
  const cells = (/** @type {string} */ l) => l.trim().replace(/^\||\|$/g, "").split("|").map((c) => inline(escapeHtml(c.trim())));
  const head = cells(lines[0]).map((c) => `<th scope="col">${c}</th>`).join("");
  const rows = lines.slice(2).map((l) => `<tr>${cells(l).map((c) => `<td>${c}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}
