"use client";
import { useSyncExternalStore, type ComponentProps } from "react";

const noSubscription = () => () => {};

/** False in the server's HTML and during hydration, true once React owns the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/**
 * A form whose controls stay disabled until hydration. Before that the server HTML has no
 * handlers: typing would be wiped by React's state and a click would submit natively
 * (a GET carrying every field in the URL).
 */
export function ClientForm({ children, ...props }: ComponentProps<"form">) {
  return <form {...props}><UntilHydrated>{children}</UntilHydrated></form>;
}

/** Disables every control inside until hydration, without changing the layout. */
export function UntilHydrated({ children }: { children: React.ReactNode }) {
  return <fieldset className="form-body" disabled={!useHydrated()}>{children}</fieldset>;
}
