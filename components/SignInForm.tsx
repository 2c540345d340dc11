"use client";
import { ClientForm } from "./ClientForm";
import { signIn } from "next-auth/react";
import { useState } from "react";

export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError: string | null }) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email: form.get("email"),
      password: form.get("password"),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      window.location.assign(returnTo);
      return;
    }
    setBusy(false);
    // A throttled attempt comes back with the server's own sentence; anything else is a wrong password.
    setError(result?.error?.startsWith("Too many sign-in attempts") ? result.error : "Wrong email or password.");
  }

  return (
    <ClientForm className="form" onSubmit={submit} aria-describedby={error ? "signin-error" : undefined}>
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p id="signin-error" role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </ClientForm>
  );
}
