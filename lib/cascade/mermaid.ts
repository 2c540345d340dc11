import type { CascadeNode } from "./model";
import type { Edge } from "./graph";

/**
 * Escapes user text for a mermaid label: every character that is not a letter, digit or space
 * becomes a numeric entity (#34; for "), so no name can close a label or start new syntax.
 */
export function mermaidText(text: string): string {
  return [...text.replace(/\s+/g, " ").trim()].map((ch) => (/[\p{L}\p{N} ]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`)).join("");
}

const ARROWS: Record<Edge["nature"], string> = { hard: "==>", soft: "-.->", "best-effort": "-.->" };

export const CASCADE_CLASSES = [
  "classDef major fill:#fde8e6,stroke:#b42318,color:#3d0a06",
  "classDef partial fill:#fdeedd,stroke:#c4560a,color:#3d1d04",
  "classDef degraded fill:#fbf3d1,stroke:#a27b00,color:#332600",
  "classDef faded fill:#f2f2f2,stroke:#c6c6c6,color:#777777",
  "classDef origin stroke-width:4px",
  "classDef statusPath stroke-dasharray:5 3",
];

/** A mermaid flowchart in which arrows run the way failure travels: from a dependency to what depends on it. */
export function cascadeFlowchart(nodes: CascadeNode[], edges: Edge[], direction: "LR" | "TD" = "LR"): string {
  const id = new Map(nodes.map((n, i) => [n.slug, `n${i}`]));
  const lines = [`flowchart ${direction}`];
  for (const n of nodes) {
    const tags = [n.origin ? "origin" : "", n.statusPath ? "status path" : ""].filter(Boolean).join(", ");
    const detail = [n.window, tags].filter(Boolean).map((t) => mermaidText(t!)).join("<br/>");
    lines.push(`  ${id.get(n.slug)}["${mermaidText(n.name)}${detail ? `<br/>${detail}` : ""}"]`);
  }
  for (const e of edges) {
    lines.push(`  ${id.get(e.to)} ${ARROWS[e.nature]}|${mermaidText(e.nature)}| ${id.get(e.from)}`);
  }
  lines.push(...CASCADE_CLASSES.map((c) => `  ${c}`));
  const groups: Record<string, string[]> = {};
  for (const n of nodes) {
    const classes = [n.faded ? "faded" : n.condition, n.origin ? "origin" : null, n.statusPath ? "statusPath" : null];
    for (const c of classes) if (c) (groups[c] ??= []).push(id.get(n.slug)!);
  }
  for (const [cls, ids] of Object.entries(groups)) lines.push(`  class ${ids.join(",")} ${cls}`);
  return lines.join("\n") + "\n";
}
