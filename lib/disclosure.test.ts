import { test } from "node:test";
import assert from "node:assert/strict";
import { checkDisclosure, openFindings, type DisclosureContext } from "./disclosure";

const ctx: DisclosureContext = {
  people: [
    { name: "Priya Raman", email: "priya.raman@corp.example.com" },
    { name: "Admin", email: "admin@localhost" },
  ],
  services: [
    { slug: "kinesis-data-streams", name: "Kinesis Data Streams", public: true },
    { slug: "kinesis-front-end", name: "Kinesis front-end fleet", public: false },
    { slug: "kinesis-membership-service", name: "Kinesis membership service", public: false },
    { slug: "cognito", name: "Cognito", public: true },
    { slug: "cloudwatch", name: "CloudWatch", public: true },
    { slug: "shd-posting-tool", name: "Service Health Dashboard posting tool", public: false },
    { slug: "kinesis", name: "Kinesis", public: false },
  ],
  allowedHosts: ["status.example.com"],
};

const kinds = (text: string) => checkDisclosure(text, ctx).map((f) => [f.kind, f.text]);

test("ordinary customer prose, public component names and times raise nothing", () => {
  const text = `## What happened
On November 25, 2020, between 5:15 AM and 10:23 PM PST, Kinesis Data Streams in the US-EAST-1 Region returned
errors for most API requests. CloudWatch metrics and Cognito sign-in were also affected from 07:01 to 14:18 (UTC−8),
i.e. for about 7 hours. At 10:07:00 the first servers took traffic again; full recovery took until 22:31.

## What is changing
- We are moving to larger servers, e.g. to reduce the number of servers by a factor of 4.
- We will add alarms on resource use (version 1.2.3 of our tooling, see Node.js 20 notes) — P1 priority, SEV1 class.
- See our status page at https://status.example.com/incidents/abc.html for updates.
This is incident #1 of the year; we apologise for the impact. ISO-8601 times, TLS-1 and HTTP-2 are not trackers.`;
  assert.deepEqual(kinds(text), []);
});

test("a staff email and an account holder's name are found", () => {
  assert.deepEqual(kinds("Escalated by priya.raman@corp.example.com; Priya Raman then paged admin@localhost."), [
    ["email", "priya.raman@corp.example.com"],
    ["person", "Priya Raman"],
    ["email", "admin@localhost"],
  ]);
  // A one-word account name ("Admin") is too common a word to flag.
  assert.deepEqual(kinds("The admin console was slow."), []);
});

test("internal services are found by name and by slug, but not inside a public component's name", () => {
  assert.deepEqual(kinds("Capacity was added to the Kinesis front-end fleet and the kinesis-front-end hosts."), [
    ["internal_service", "Kinesis front-end fleet"],
    ["internal_service", "kinesis-front-end"],
  ]);
  // "Kinesis" alone is an internal service here, yet "Kinesis Data Streams" is a public component.
  assert.deepEqual(kinds("Kinesis Data Streams recovered."), []);
  assert.deepEqual(kinds("The Kinesis membership  service vends membership."), [["internal_service", "Kinesis membership  service"]]);
});

test("host names, IPv4 and IPv6 addresses, tracker ids and links are found", () => {
  assert.deepEqual(kinds("Requests to kfe-0042.prod.us-east-1.internal and db01.corp timed out."), [
    ["host", "kfe-0042.prod.us-east-1.internal"],
    ["host", "db01.corp"],
  ]);
  assert.deepEqual(kinds("Traffic from 10.0.12.7 and 192.168.1.0/24 and fd00:ec2::254 and 2001:db8:0:0:0:0:2:1 was dropped."), [
    ["ip", "10.0.12.7"],
    ["ip", "192.168.1.0/24"],
    ["ip", "fd00:ec2::254"],
    ["ip", "2001:db8:0:0:0:0:2:1"],
  ]);
  assert.deepEqual(kinds("Tracked in KIN-4521 and infra/runbooks#88."), [
    ["tracker", "KIN-4521"],
    ["tracker", "infra/runbooks#88"],
  ]);
  assert.deepEqual(kinds("See https://jira.corp.example.com/browse/KIN-4521."), [["link", "https://jira.corp.example.com/browse/KIN-4521"]]);
});

test("internal annotations from the Markdown export are found whole", () => {
  const line = "- A small addition of capacity. [events: 2020-11-25 02:44 PST, 2020-11-25 03:47 PST] [services: kinesis-front-end]";
  assert.deepEqual(kinds(line), [
    ["annotation", "[events: 2020-11-25 02:44 PST, 2020-11-25 03:47 PST]"],
    ["annotation", "[services: kinesis-front-end]"],
  ]);
});

test("offsets point at the finding, and acceptance by key survives edits elsewhere", () => {
  const text = "Contact priya.raman@corp.example.com now.";
  const [f] = checkDisclosure(text, ctx);
  assert.equal(text.slice(f.start, f.end), f.text);
  const edited = "Please contact priya.raman@corp.example.com today.";
  assert.deepEqual(openFindings(checkDisclosure(edited, ctx), [f.key]), []);
  assert.equal(openFindings(checkDisclosure(edited + " KIN-1", ctx), [f.key]).length, 1);
});
