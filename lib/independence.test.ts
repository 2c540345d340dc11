import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogSchema } from "./catalog";
import { independenceWarnings } from "./independence";

const seeded = catalogSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, "..", "content", "services.json"), "utf8")));

test("the seeded catalog's posting tool depends on what the page reports on (the Kinesis 2020 trap)", () => {
  const w = independenceWarnings(seeded, []);
  assert.ok(w.some((x) => /^Dashboard posting tool is on the status-publishing path but depends on Cognito/.test(x)), w.join("\n"));
});

test("a bucket hosted on a service the page reports on is flagged (the S3 2017 trap); an independent one is not", () => {
  const catalog = catalogSchema.parse({ services: [{ slug: "s3", name: "Simple Storage Service", public: true }, { slug: "status-host", name: "Status host", statusPath: true }] });
  const flagged = independenceWarnings(catalog, [{ label: "The bucket", where: "https://s3.us-east-1.amazonaws.com/status" }]);
  assert.equal(flagged.length, 1);
  assert.match(flagged[0], /The bucket .* runs on Simple Storage Service, which this status page reports on/);
  assert.deepEqual(independenceWarnings(catalog, [{ label: "The bucket", where: "https://storage.other-provider.example/status" }, { label: "Mirror", where: "/srv/www/status" }]), []);
});
