import { test } from "node:test";
import assert from "node:assert/strict";
import { recognizeEvent } from "./paste-recognize";
import type { TimelineEvent } from "./model";

const services = [{ slug: "waf", name: "Web Application Firewall" }, { slug: "cognito", name: "Cognito" }, { slug: "ecs", name: "ECS" }];
const line = (text: string, extra: Partial<TimelineEvent> = {}): TimelineEvent =>
  ({ at: "2019-07-02T13:45:00.000Z", kind: "event", actor: "", text, services: [], source: "", ...extra });

test("an actor written before a colon becomes the event's actor", () => {
  const e = recognizeEvent(line("alice: escalated to the WAF team"), services);
  assert.equal(e.actor, "alice");
  assert.equal(e.text, "escalated to the WAF team");
  assert.equal(e.kind, "action");
  assert.deepEqual(recognizeEvent(line("[On-call SRE]: paged"), services).actor, "On-call SRE");
});

test("the kind of event is read from its words", () => {
  const kinds = ["First alerts for 502 errors detected", "Root cause identified: a regular expression", "Global kill mitigated the CPU load",
    "Status page updated; customers informed", "Impact begins worldwide", "Nothing remarkable"].map((t) => recognizeEvent(line(t), services).kind);
  assert.deepEqual(kinds, ["detection", "diagnosis", "recovery", "communication", "impact_start", "event"]);
});

test("services are recognised by slug or name as whole words, and stated ones are kept", () => {
  assert.deepEqual(recognizeEvent(line("Web Application Firewall CPU at 100%; cognito fine"), services).services, ["waf", "cognito"]);
  assert.deepEqual(recognizeEvent(line("recsys slow", { services: ["waf"] }), services).services, ["waf"]);
  assert.deepEqual(recognizeEvent(line("speccs and wafers"), services).services, []);
  assert.equal(recognizeEvent(line("paged", { kind: "trigger" }), services).kind, "trigger");
});
