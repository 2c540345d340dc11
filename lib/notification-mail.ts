/**
 * What a queued notification says by email. Status payloads are the webhook JSON; the two
 * subscription messages are Sitrep's own and never go to webhooks.
 */
export type SubscriptionMessage = { type: "confirm-subscription" | "already-subscribed"; page_name: string; manage: string };

export function subscriptionMessage(type: SubscriptionMessage["type"], pageName: string, manage: string): SubscriptionMessage {
  return { type, page_name: pageName, manage };
}

// Mail headers must stay on one line whatever a page or incident is called.
const oneLine = (s: string) => s.replace(/[\r\n]+/g, " ").trim();

export function mailFor(payload: Record<string, any>): { subject: string; text: string } {
  if (payload.type === "confirm-subscription") {
    return {
      subject: oneLine(`Confirm your subscription to ${payload.page_name} status updates`),
      text: `Someone, probably you, asked for ${payload.page_name} status updates at this address.\n\nTo start receiving them, open this link and press Confirm:\n${payload.manage}\n\nIf it was not you, ignore this mail: nothing more will be sent.\n`,
    };
  }
  if (payload.type === "already-subscribed") {
    return {
      subject: oneLine(`Your subscription to ${payload.page_name} status updates`),
      text: `This address is already subscribed to ${payload.page_name} status updates.\n\nTo see, change or cancel it:\n${payload.manage}\n`,
    };
  }
  const incident = payload.incident;
  if (incident) {
    const latest = incident.incident_updates?.[0];
    return {
      subject: oneLine(`[${payload.page.status_description}] ${incident.name}: ${latest?.status ?? incident.status}`),
      text: `${incident.name}\nStatus: ${latest?.status}\n\n${latest?.body ?? ""}\n\nDetails: ${incident.shortlink}\nUnsubscribe: ${payload.meta.unsubscribe}\n`,
    };
  }
  return {
    subject: oneLine(`Status change: ${payload.component?.name}`),
    text: `${payload.component?.name} is now ${payload.component_update?.new_status?.replace(/_/g, " ")}.\n\nUnsubscribe: ${payload.meta.unsubscribe}\n`,
  };
}
