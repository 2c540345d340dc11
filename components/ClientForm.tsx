"use client";
import { useEffect, useRef, useSyncExternalStore, type ComponentProps } from "react";

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

/**
 * Disables every control inside until hydration, without changing the layout. The browser skips
 * `autofocus` on a disabled field, so it is honoured here once the field is usable.
 */
export function UntilHydrated({ children }: { children: React.ReactNode }) {
  const hydrated = useHydrated();
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (hydrated && document.activeElement === document.body) ref.current?.querySelector<HTMLElement>("[autofocus]")?.focus();
  }, [hydrated]);
  return <fieldset ref={ref} className="form-body" disabled={!hydrated}>{children}</fieldset>;
}
