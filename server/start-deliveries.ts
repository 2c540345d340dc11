import type { Database } from "better-sqlite3";
import { DeliveryWorker, type Sender } from "./delivery-worker";
import { sendWebhook } from "./webhook-send";
import { emailConfigured, emailSender } from "./email";

/** Starts the background sender; email only when SMTP is configured (SITREP_SMTP_URL). */
export function startDeliveries(db: Database): DeliveryWorker {
  const senders: Record<string, Sender> = { webhook: sendWebhook };
  if (emailConfigured()) senders.email = emailSender(process.env.SITREP_SMTP_URL!, process.env.SITREP_SMTP_FROM || "status@localhost");
  const worker = new DeliveryWorker(db, senders).start();
  process.once("SIGTERM", () => void worker.stop());
  return worker;
}
