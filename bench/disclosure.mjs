import { readFileSync } from "node:fs";
import { join } from "node:path";
import { measure } from "./lib.mjs";
import { checkDisclosure } from "../lib/disclosure.ts";
import { draftPublicPostmortem } from "../lib/public-draft.ts";
import { importPostmortem } from "../lib/markdown/import.ts";
import { renderDocument } from "../publisher/markdown.mjs";

const root = join(import.meta.dirname, "..");

/** The disclosure check runs on every save and every view of the customer version: on a long text with a big catalog and many accounts. */
export async function disclosureRows() {
  const pm = importPostmortem(readFileSync(join(root, "content", "kinesis-2020-11-25.md"), "utf8")).postmortem;
  const catalog = JSON.parse(readFileSync(join(root, "content", "services.json"), "utf8")).services;
  const services = [...catalog.map((s) => ({ slug: s.slug, name: s.name, public: !!s.public })),
    ...Array.from({ length: 2000 - catalog.length }, (_, i) => ({ slug: `internal-svc-${i}`, name: `Internal service ${i}`, public: i % 5 === 0 }))];
  const people = Array.from({ length: 500 }, (_, i) => ({ name: `Person Number${i}`, email: `person${i}@corp.example.com` }));
  const publicServices = services.filter((s) => s.public);
  const draft = draftPublicPostmortem({ pm, publicServices, pageZone: "America/Los_Angeles", publicItems: [0, 1, 2] });
  // A customer text at the length limit of a section: the Kinesis draft repeated, with a few leaks in it.
  const long = Array.from({ length: Math.ceil(30_000 / draft.length) }, (_, i) => `${draft}\nContact person${i}@corp.example.com or 10.0.${i}.7.\n`).join("\n").slice(0, 30_000);
  const kinesis = await measure(15, () => checkDisclosure(draft, { people, services, allowedHosts: ["status.example.com"] }));
  const atLimit = await measure(15, () => checkDisclosure(long, { people, services, allowedHosts: ["status.example.com"] }));
  const rendered = await measure(15, () => renderDocument(long));
  return [
    { name: "disclosure check, Kinesis customer draft, 2,000 services, 500 accounts", unit: "ms", target: "< 100 ms", ...kinesis },
    { name: "disclosure check, 30,000-character text, 2,000 services, 500 accounts", unit: "ms", target: "< 300 ms", ...atLimit },
    { name: "render 30,000-character customer postmortem (site Markdown)", unit: "ms", ...rendered },
  ];
}
