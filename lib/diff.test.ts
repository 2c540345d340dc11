import { test } from "node:test";
import assert from "node:assert/strict";
import { diffLines } from "./diff";

test("line diff marks added and removed lines and keeps the rest", () => {
  const d = diffLines("a\nb\nc\nd", "a\nc\nd\ne");
  assert.deepEqual(d, [
    { op: "same", text: "a" }, { op: "del", text: "b" }, { op: "same", text: "c" }, { op: "same", text: "d" }, { op: "add", text: "e" },
  ]);
  assert.ok(diffLines("x", "x").every((l) => l.op === "same"));
});
