import type { List, ListItem, RootContent, Table } from "mdast";

/** Helpers that read Markdown blocks back as the text the author wrote (not re-serialised). */

export function sourceOf(nodes: RootContent[], src: string): string {
  const withPos = nodes.filter((n) => n.position);
  if (!withPos.length) return "";
  return src.slice(withPos[0].position!.start.offset, withPos[withPos.length - 1].position!.end.offset).trim();
}

/** The item's own Markdown, with its continuation lines un-indented. */
function itemSource(item: ListItem, src: string): string {
  if (!item.children.length) return "";
  const first = item.children[0].position!;
  const indent = first.start.column - 1;
  const raw = src.slice(first.start.offset, item.children[item.children.length - 1].position!.end.offset);
  return raw
    .split("\n")
    .map((line, i) => (i === 0 ? line : line.replace(new RegExp(`^ {0,${indent}}`), "")))
    .join("\n")
    .trim();
}

export interface Item {
  text: string;
  checked: boolean | null;
}

/** Every top-level list item; paragraphs outside lists count as one item each. */
export function itemsOf(nodes: RootContent[], src: string): Item[] {
  const items: Item[] = [];
  for (const node of nodes) {
    if (node.type === "list") {
      for (const item of (node as List).children) {
        const text = itemSource(item, src);
        if (text) items.push({ text, checked: item.checked ?? null });
      }
    } else if (node.type === "paragraph") {
      const text = sourceOf([node], src);
      if (text) items.push({ text, checked: null });
    }
  }
  return items;
}

const MARKER_RE = /\s*\[(services?|events?):\s*([^\]]*)\]\s*$/i;

/** Splits trailing "[services: a, b]" and "[events: 2020-11-25 09:39 PST, …]" markers off an item's text. */
export function splitMarkers(text: string): { text: string; services: string[]; events: string[] } {
  const out = { text, services: [] as string[], events: [] as string[] };
  for (let m = MARKER_RE.exec(out.text); m; m = MARKER_RE.exec(out.text)) {
    if (m[1].toLowerCase().startsWith("service")) out.services = m[2].split(/[,\s]+/).filter(Boolean);
    else out.events = m[2].split(",").map((e) => e.trim()).filter(Boolean);
    out.text = out.text.slice(0, m.index).trim();
  }
  return out;
}

export function splitServices(text: string): { text: string; services: string[] } {
  const { text: rest, services } = splitMarkers(text);
  return { text: rest, services };
}

export interface TableRows {
  rawHeader: string[];
  header: string[];
  rows: string[][];
}

function cellSource(cell: Table["children"][number]["children"][number], src: string): string {
  if (!cell.children.length) return "";
  const start = cell.children[0].position!.start.offset!;
  const end = cell.children[cell.children.length - 1].position!.end.offset!;
  return src.slice(start, end).replace(/\\\|/g, "|").replace(/<br\s*\/?>/gi, "\n").trim();
}

export function tablesOf(nodes: RootContent[], src: string): TableRows[] {
  return nodes
    .filter((n): n is Table => n.type === "table")
    .map((table) => {
      const [head, ...body] = table.children.map((row) => row.children.map((c) => cellSource(c, src)));
      const rawHeader = head ?? [];
      return { rawHeader, header: rawHeader.map((h) => h.toLowerCase().replace(/\([^)]*\)/g, "").replace(/[^a-z ]/g, "").trim()), rows: body };
    });
}

/** Finds the column whose header is one of the names given. */
export function column(header: string[], names: string[]): number {
  return header.findIndex((h) => names.includes(h));
}

export function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
}
