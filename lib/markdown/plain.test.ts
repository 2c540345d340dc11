import { test } from "node:test";
import assert from "node:assert/strict";
import { plainText } from "./plain";

test("a Markdown update reads as plain words in a preview, with no raw marks", () => {
  assert.equal(plainText("**Resolved:** the _WAF_ is back; see [the postmortem](https://x/pm) and `kill switch`."),
    "Resolved: the WAF is back; see the postmortem and kill switch.");
  assert.equal(plainText("# Update\n\n- one\n- two\n\n> quoted"), "Update one two quoted");
  assert.equal(plainText("snake_case_name and 2*3*4 stay"), "snake_case_name and 2*3*4 stay");
  assert.equal(plainText("a".repeat(10), 5), "aaaa…");
});
