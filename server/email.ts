import nodemailer from "nodemailer";
import { mailFor } from "../lib/notification-mail";
import type { Sender } from "./delivery-worker";

/** Whether this app can send email at all (SITREP_SMTP_URL, e.g. smtp://user:pass@mail.example.com:587). */
export const emailConfigured = () => Boolean(process.env.SITREP_SMTP_URL);

/** Email through SMTP; each queued payload becomes one plain-text mail. */
export function emailSender(smtpUrl: string, from: string): Sender {
  const transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10_000 } as object);
  return async (d) => {
    const { subject, text } = mailFor(JSON.parse(d.payload));
    await transport.sendMail({ from, to: d.target, subject, text });
  };
}
