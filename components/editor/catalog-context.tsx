"use client";
import { createContext, useContext } from "react";
import type { ServiceOption } from "./types";

/** Adds one service to the catalog from inside the editor; resolves to a problem in words, or null when added. */
export type AddService = (service: Required<ServiceOption>) => Promise<string | null>;

export const CatalogAdder = createContext<{ add: AddService; groups: string[] } | null>(null);

export const useCatalogAdder = () => useContext(CatalogAdder);

/** Appends a service to the catalog through the same API the Services page uses; the rest of the catalog is kept as it is. */
export async function addServiceToCatalog(service: Required<ServiceOption>): Promise<string | null> {
  const current = await fetch("/api/services");
  if (!current.ok) return `Could not read the catalog (the server answered ${current.status})`;
  const catalog = (await current.json()) as { services: { slug: string }[] };
  if (catalog.services.some((s) => s.slug === service.slug)) return null;
  const next = { services: [...catalog.services, { ...service, description: "", public: false, statusPath: false, dependsOn: [] }] };
  const res = await fetch("/api/services", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(next) });
  if (res.ok) return null;
  const body = await res.json().catch(() => ({}));
  return (body.problems as string[] | undefined)?.join("; ") ?? `The catalog was not changed (the server answered ${res.status})`;
}
