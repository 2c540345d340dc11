import { test } from "node:test";
import assert from "node:assert/strict";
import { mailFor, subscriptionMessage } from "./notification-mail";

test("subscription mails carry the manage link, and no subject can break onto a second header line", () => {
  const confirm = mailFor(subscriptionMessage("confirm-subscription", "Evil\r\nBcc: all@example.com", "https://s.example.com/subscribe/abc"));
  assert.equal(confirm.subject, "Confirm your subscription to Evil Bcc: all@example.com status updates");
  assert.match(confirm.text, /^https:\/\/s\.example\.com\/subscribe\/abc$/m);
  assert.match(mailFor(subscriptionMessage("already-subscribed", "Example", "https://x/subscribe/t")).text, /already subscribed[\s\S]*https:\/\/x\/subscribe\/t/);
});

test("status payloads read as a headline and the update", () => {
  const mail = mailFor({
    meta: { unsubscribe: "https://x/subscribe/t" }, page: { status_description: "Partial System Outage" },
    incident: { name: "API errors\nSubject: spoof", status: "investigating", shortlink: "https://x/status/incidents/1.html", incident_updates: [{ status: "identified", body: "Found." }] },
  });
  assert.equal(mail.subject, "[Partial System Outage] API errors Subject: spoof: identified");
  assert.match(mail.text, /Found\.[\s\S]*Unsubscribe: https:\/\/x\/subscribe\/t/);
  const change = mailFor({ meta: { unsubscribe: "u" }, component: { name: "Cognito" }, component_update: { new_status: "major_outage" } });
  assert.deepEqual(change, { subject: "Status change: Cognito", text: "Cognito is now major outage.\n\nUnsubscribe: u\n" });
});
