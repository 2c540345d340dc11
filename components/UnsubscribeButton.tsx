"use client";
import { useHydrated } from "./ClientForm";
import { useState } from "react";

export function UnsubscribeButton({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const hydrated = useHydrated();
  if (done) return <p role="status">Unsubscribed. You will not hear from us again.</p>;
  return <button type="button" disabled={!hydrated} onClick={async () => { if ((await fetch(`/api/subscribe/${token}`, { method: "DELETE" })).ok) setDone(true); }}>Unsubscribe</button>;
}
