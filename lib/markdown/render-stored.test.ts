import { test } from "node:test";
import assert from "node:assert/strict";
import { renderStoredMarkdown } from "./render-stored";
import { withinTime, TimeLimitExceeded } from "../time-limit";

const PATHOLOGICAL = "[a](".repeat(Number(process.env.SITREP_SLOW_MD_REPEAT || 70_000)); // 280 KB, 32 s to parse before

test("a 280 KB pathological text is cut off and shown as written within a second, then served from the cache", () => {
  const started = performance.now();
  const html = renderStoredMarkdown(PATHOLOGICAL);
  const first = performance.now() - started;
  const again = performance.now();
  assert.equal(renderStoredMarkdown(PATHOLOGICAL), html);
  console.log(`pathological: first view ${Math.round(first)} ms, cached ${Math.round(performance.now() - again)} ms`);
  assert.match(html, /too complex to format quickly/);
  assert.match(html, /<pre class="as-written">\[a\]\(\[a\]\(/);
});

test("ordinary text renders as before, sanitised, and escaped text never becomes markup", () => {
  assert.equal(renderStoredMarkdown("**bold** <script>alert(1)</script>").includes("<script>"), false);
  assert.match(renderStoredMarkdown("**bold**"), /<strong>bold<\/strong>/);
  const slow = renderStoredMarkdown("<img src=x onerror=alert(1)>" + "[a](".repeat(70_000), 50);
  assert.equal(slow.includes("<img"), false);
});

test("withinTime stops a runaway function and passes ordinary results and errors through", () => {
  assert.throws(() => withinTime(50, () => { for (;;); }), TimeLimitExceeded);
  assert.equal(withinTime(1000, () => 42), 42);
  assert.throws(() => withinTime(1000, () => { throw new RangeError("mine"); }), RangeError);
});
