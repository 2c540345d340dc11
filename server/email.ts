import nodemailer from "nodemailer";
import type { Sender } from "./delivery-worker";

/**
 * Email through SMTP (SITREP_SMTP_URL, e.g. smtp://user:pass@mail.example.com:587) when configured.
 * The payload is the webhook JSON; the mail says the same thing in words.
 */
export function emailSender(smtpUrl: string, from: string): Sender {
  const transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10_000 } as object);
  return async (d) => {
    const payload = JSON.parse(d.payload);
    const incident = payload.incident;
    const latest = incident?.incident_updates?.[0];
    const subject = incident ? `[${payload.page.status_description}] ${incident.name}: ${latest?.status ?? incident.status}` : `Status change: ${payload.component?.name}`;
    const text = incident
      ? `${incident.name}\nStatus: ${latest?.status}\n\n${latest?.body ?? ""}\n\nDetails: ${incident.shortlink}\nUnsubscribe: ${payload.meta.unsubscribe}\n`
      : `${payload.component?.name} is now ${payload.component_update?.new_status?.replace(/_/g, " ")}.\n\nUnsubscribe: ${payload.meta.unsubscribe}\n`;
    await transport.sendMail({ from, to: d.target, subject, text });
  };
}
