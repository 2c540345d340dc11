import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ArchiveError, decodeText, readArchive, LIMITS } from "./read-archive";
import { makeTarGz, makeZip } from "./make-archive";

const md = (title: string) => `# ${title}\n\n## Summary\n\nText.\n`;
const byName = (entries: { name: string; error?: string; bytes?: Uint8Array }[]) => Object.fromEntries(entries.map((e) => [e.name, e.error ?? Buffer.from(e.bytes!).toString("utf8")]));

test("zip and tar.gz archives give their files back, folders and archiver metadata left out", () => {
  for (const make of [makeZip, makeTarGz]) {
    const entries = readArchive(make([{ name: "2019/a.md", data: md("A") }, { name: "b.md", data: md("B") }, { name: "__MACOSX/._b.md", data: "x" }]));
    assert.deepEqual(byName(entries), { "2019/a.md": md("A"), "b.md": md("B") });
  }
});

test("archives made by the real zip and tar tools are read", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-archive-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "pm", "2018"), { recursive: true });
  writeFileSync(join(dir, "pm", "2018", "one.md"), md("One"));
  writeFileSync(join(dir, "pm", "two.md"), md("Two ✓"));
  const tar = spawnSync("tar", ["-czf", join(dir, "pm.tar.gz"), "-C", dir, "pm"]);
  assert.equal(tar.status, 0, String(tar.stderr));
  assert.deepEqual(Object.keys(byName(readArchive(readFileSync(join(dir, "pm.tar.gz"))))).sort(), ["pm/2018/one.md", "pm/two.md"]);
  const zip = spawnSync("zip", ["-qr", join(dir, "pm.zip"), "pm"], { cwd: dir });
  if (zip.error) return t.skip("the zip tool is not installed");
  assert.equal(byName(readArchive(readFileSync(join(dir, "pm.zip"))))["pm/two.md"], md("Two ✓"));
});

test("a zip bomb stops at the per-file cap and the rest of the archive is still read", () => {
  const bomb = Buffer.alloc(50_000_000);
  const archive = makeZip([{ name: "bomb.md", data: bomb }, { name: "fine.md", data: md("Fine") }]);
  assert.ok(archive.length < 200_000, "the bomb is small when packed");
  const entries = byName(readArchive(archive));
  assert.match(entries["bomb.md"], /larger than 1 MB when unpacked/);
  assert.equal(entries["fine.md"], md("Fine"));
});

test("the total unpacked size is capped for zip and tar.gz", () => {
  const limits = { ...LIMITS, fileBytes: 1_000_000, unpackedBytes: 1_500_000 };
  const files = [1, 2, 3].map((n) => ({ name: `${n}.md`, data: Buffer.alloc(900_000, 65) }));
  const zip = byName(readArchive(makeZip(files), limits));
  assert.equal(zip["1.md"].length, 900_000);
  assert.match(zip["2.md"], /unpacks to more than 1.5 MB/);
  assert.throws(() => readArchive(makeTarGz(files), limits), (err) => err instanceof ArchiveError && /more than 1.5 MB/.test(err.message));
});

test("paths that leave the archive are refused per file", () => {
  for (const make of [makeZip, makeTarGz]) {
    const entries = byName(readArchive(make([{ name: "../../x.md", data: md("X") }, { name: "/etc/passwd.md", data: "x" }, { name: "ok.md", data: md("Ok") }])));
    assert.match(entries["../../x.md"], /^refused: path leaves the archive/);
    assert.match(entries["/etc/passwd.md"], /^refused: absolute path/);
    assert.equal(entries["ok.md"], md("Ok"));
  }
});

test("not an archive, or a damaged one, is one clear error", () => {
  assert.throws(() => readArchive(Buffer.from("# just markdown")), /not a zip or tar.gz archive/);
  assert.throws(() => readArchive(Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("garbage")])), /damaged/);
  assert.throws(() => readArchive(Buffer.from("PK\u0003\u0004 and nothing else")), /not a zip archive/);
});

test("file contents: empty, binary, too large and invalid UTF-8 each say why", () => {
  assert.deepEqual(decodeText(new Uint8Array()), { error: "empty file" });
  assert.match((decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])) as { error: string }).error, /binary/);
  assert.match((decodeText(Buffer.alloc(20_000_000, 65)) as { error: string }).error, /larger than 1 MB \(20\.0 MB\)/);
  assert.match((decodeText(Buffer.from([0x23, 0x20, 0xc3, 0x28])) as { error: string }).error, /not valid UTF-8/);
  assert.deepEqual(decodeText(Buffer.from("# Café")), { text: "# Café" });
});
