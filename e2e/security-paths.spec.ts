import { expect, test } from "@playwright/test";
import { lstatSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const dataDir = process.env.SITREP_E2E_DATA_DIR!;
const site = join(dataDir, "site");

/** Every file under the data directory (links are not followed: each real file is listed once). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    const st = lstatSync(p);
    return st.isDirectory() ? filesUnder(p) : st.isFile() ? [p] : [];
  });
}

/** Ways an attacker spells "go up one folder" inside one path segment. */
const UP = {
  raw: "../", slash: "..%2F", lowerSlash: "..%2f", doubled: "..%252F", backslash: "..%5C", rawBackslash: "..\\",
  dots: "%2E%2E%2F", overlong: "%c0%ae%c0%ae%2F", overlong3: "%e0%80%ae%e0%80%ae/",
};
const PREFIXES = [{ prefix: "/status/", depth: 0 }, { prefix: "/api/v2/", depth: 2 }, { prefix: "/feeds/", depth: 0 }];

test("no file under the data directory is readable through a public prefix except the published site's own", async ({ request }) => {
  test.setTimeout(180_000);
  const planted = join(site + ".d", "journal-key.pem");
  writeFileSync(planted, "-----BEGIN PRIVATE KEY-----\nplanted by the e2e test\n-----END PRIVATE KEY-----\n", { flag: "w" });
  try {
    const served = [realpathSync(site), ...["incidents", "history", "state", "postmortems"].map((f) => realpathSync(join(site, f)))];
    const isPublic = (file: string) => served.some((r) => file.startsWith(r + sep));
    const files = filesUnder(dataDir).map((f) => realpathSync(f));
    const publicFiles = files.filter(isPublic);
    const privateFiles = files.filter((f) => !isPublic(f));
    expect(privateFiles.map((f) => relative(dataDir, f))).toEqual(expect.arrayContaining(["sitrep.db", join("site.d", "journal-key.pem")]));

    const urls: string[] = [`/status/x%2F..%2F..%2Fsite.d%2Fjournal-key.pem`, `/api/v2/x%2F..%2F..%2F..%2F..%2Fsite.d%2Fjournal-key.pem`];
    for (const file of files) {
      const fromData = relative(dataDir, file).split(sep);
      for (const { prefix, depth } of PREFIXES) {
        for (const [name, up] of Object.entries(UP)) {
          const ups = up.repeat(depth + 1);
          const rest = fromData.join(name === "raw" || name === "overlong3" ? "/" : up.slice(-3) === "%2F" || up.slice(-3) === "%5C" ? up.slice(-3) : "%2F");
          urls.push(`${prefix}x${up.endsWith("/") ? "/" : up.slice(-3)}${ups}${rest}`);
          urls.push(`${prefix}${encodeURIComponent(ups + fromData.join("/"))}`);
        }
      }
    }
    const leaks: string[] = [];
    const errors: string[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < urls.length) {
        const url = urls[next++];
        const res = await request.get(url, { maxRedirects: 0 });
        if (res.status() >= 500) errors.push(`${res.status()} ${url}`);
        else if (res.status() === 200) {
          const body = await res.text();
          if (body.includes("planted by the e2e test") || body.includes("SQLite format") || /"author"|"after"/.test(body)) leaks.push(url);
          else if (!url.startsWith("/status/") && !url.startsWith("/api/v2/")) leaks.push(url);
        }
      }
    }));
    console.log(`${urls.length} traversal requests over ${files.length} files (${publicFiles.length} public)`);
    expect(leaks).toEqual([]);
    expect(errors).toEqual([]);
    for (const u of urls.slice(0, 2)) expect([400, 404]).toContain((await request.get(u)).status());

    // The public ones are served where they belong, and nothing else is.
    const release = realpathSync(site);
    for (const file of publicFiles.slice(0, 60)) {
      const inRelease = file.startsWith(release + sep) ? relative(release, file) : null;
      if (!inRelease) continue;
      const res = await request.get(`/status/${inRelease.split(sep).map(encodeURIComponent).join("/")}`);
      expect(res.status(), inRelease).toBe(200);
    }
  } finally {
    rmSync(planted, { force: true });
  }
});

test("bad percent-encoding and over-long segments get 400/404, never a 500", async ({ request }) => {
  for (const p of ["/status/%c0%ae", "/status/%ff%fe", "/api/v2/%ff%fe.json", `/status/${"a".repeat(5000)}`, `/api/v2/${"a".repeat(5000)}`, "/status/%", "/feeds/%ff.atom", "/subscribe/%ff"]) {
    const res = await request.get(p, { maxRedirects: 0 });
    expect([400, 404], `${p.slice(0, 40)} answered ${res.status()}`).toContain(res.status());
  }
});
