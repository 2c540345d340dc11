/** A JSON call to the app's own API; resolves to the body, or throws with the server's field-named problems. */
export async function call<T = unknown>(url: string, method: string, body?: unknown): Promise<T> {
  const res = await fetch(url, { method, headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });
  const json = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error((json?.problems ?? [json?.error ?? `failed (${res.status})`]).join("; "));
  return json as T;
}
