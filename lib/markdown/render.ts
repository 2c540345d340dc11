import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";

// GitHub's sanitising schema keeps no scripts, no event handlers and no style; links are further
// limited to http(s) and mailto.
const schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ["http", "https", "mailto"] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype) // raw HTML in the source is dropped here, not passed through
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

/** Markdown written by users -> HTML that is safe to put in a page. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

