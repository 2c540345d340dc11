import { test } from "node:test";
import assert from "node:assert/strict";
import { renderMarkdown } from "./render";

test("Markdown renders to HTML with tables and emphasis", () => {
  const html = renderMarkdown("**bold** and a [link](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
  assert.match(html, /<strong>bold<\/strong>/);
  assert.match(html, /<a href="https:\/\/example.com">link<\/a>/);
  assert.match(html, /<table>/);
});

test("scripts, event handlers and javascript: links never survive", () => {
  const html = renderMarkdown([
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">raw</a>',
    "![img](x onerror=alert(1))",
    "<iframe src=//evil></iframe>",
  ].join("\n\n"));
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i); // no event-handler attribute on any tag
  assert.doesNotMatch(html, /href="javascript:/i);
  assert.doesNotMatch(html, /<iframe/i);
});
