import { parse as parseYaml, YAMLParseError } from "yaml";

export class ImportError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join("; "));
  }
}

/** Splits `---` YAML front matter from the body. Malformed YAML is an error naming the line. */
export function splitFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---\n")) return { data: {}, body: text };
  const end = text.indexOf("\n---", 4);
  if (end === -1 || !/^\n---[ \t]*(?:\n|$)/.test(text.slice(end, end + 5 + 2))) {
    throw new ImportError(["front matter: opened with --- but never closed with a --- line"]);
  }
  const yamlText = text.slice(4, end);
  const body = text.slice(end + 4).replace(/^[ \t]*\n/, "");
  let data: unknown;
  try {
    data = parseYaml(yamlText) ?? {};
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line + 1}` : "";
    const what = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new ImportError([`front matter: not valid YAML${where} (${what})`]);
  }
  if (typeof data !== "object" || Array.isArray(data) || data === null) {
    throw new ImportError(["front matter: must be a set of key: value lines"]);
  }
  return { data: data as Record<string, unknown>, body };
}
