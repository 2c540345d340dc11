"use client";
import { useState } from "react";
import { ClientForm } from "./ClientForm";
import { call } from "./admin/api";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <ClientForm className="form" onSubmit={async (e) => {
      e.preventDefault();
      const f = new FormData(e.currentTarget);
      if (f.get("password") !== f.get("repeat")) return setError("repeat: the two new passwords differ");
      setBusy(true);
      setError(null);
      try {
        await call("/api/account/password", "POST", { current: f.get("current"), password: f.get("password") });
        window.location.assign("/signin?changed=1");
      } catch (err) {
        setError((err as Error).message);
        setBusy(false);
      }
    }}>
      <label>Current password<input name="current" type="password" autoComplete="current-password" required /></label>
      <label>New password<input name="password" type="password" autoComplete="new-password" minLength={minLength} required /></label>
      <label>New password again<input name="repeat" type="password" autoComplete="new-password" minLength={minLength} required /></label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" disabled={busy}>{busy ? "Changing…" : "Change password"}</button>
    </ClientForm>
  );
}
