import { parse as parseYaml, YAMLParseError } from "yaml";

export class ImportError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join("; "));
  }
}

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** The YAML as written, when it could not be read; the importer keeps it under Supporting information. */
  unreadable?: { yaml: string; problem: string };
}

/** Splits `---` YAML front matter from the body. YAML that cannot be read is kept as text, never refused. */
export function splitFrontMatter(source: string): FrontMatter {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---\n")) return { data: {}, body: text };
  const end = text.indexOf("\n---", 4);
  if (end === -1 || !/^\n---[ \t]*(?:\n|$)/.test(text.slice(end, end + 5 + 2))) {
    return { data: {}, body: text.slice(4), unreadable: { yaml: "", problem: "front matter: opened with --- but never closed with a --- line; read as ordinary text" } };
  }
  const yamlText = text.slice(4, end);
  const body = text.slice(end + 4).replace(/^[ \t]*\n/, "");
  let data: unknown;
  try {
    data = parseYaml(yamlText) ?? {};
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line + 1}` : "";
    const what = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return { data: {}, body, unreadable: { yaml: yamlText, problem: `front matter: not valid YAML${where} (${what}); kept as written under Supporting information` } };
  }
  if (typeof data !== "object" || Array.isArray(data) || data === null) {
    return { data: {}, body, unreadable: { yaml: yamlText, problem: "front matter: not a set of key: value lines; kept as written under Supporting information" } };
  }
  return { data: data as Record<string, unknown>, body };
}
