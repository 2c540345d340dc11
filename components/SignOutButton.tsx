"use client";
import { useHydrated } from "./ClientForm";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" className="secondary" disabled={!useHydrated()} onClick={() => signOut({ callbackUrl: "/signin" })}>
      Sign out
    </button>
  );
}
