"use client";
import { ClientForm } from "../ClientForm";
import { useState } from "react";
import { ROLES } from "@/lib/model";
import { call } from "./api";

type Token = { id: number; name: string; role: string; owner: string; createdAt: string; lastUsedAt: string | null };

export function TokensAdmin({ initial }: { initial: Token[] }) {
  const [tokens, setTokens] = useState(initial);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="panel table-wrap" aria-labelledby="tokens-h" tabIndex={0}>
      <h2 id="tokens-h">API tokens for scripts</h2>
      <p className="muted">Send as <code>Authorization: Bearer sitrep_…</code>. A token acts with its own role, never more than yours.</p>
      <table>
        <thead><tr><th>Name</th><th>Role</th><th>Created by</th><th>Last used</th><th><span className="visually-hidden">Revoke</span></th></tr></thead>
        <tbody>{tokens.map((t) => (
          <tr key={t.id}><td>{t.name}</td><td>{t.role}</td><td>{t.owner}</td><td>{t.lastUsedAt?.slice(0, 16).replace("T", " ") ?? "never"}</td>
            <td><button type="button" className="secondary small" onClick={async () => {
              try { await call(`/api/tokens/${t.id}`, "DELETE"); setTokens(tokens.filter((x) => x.id !== t.id)); } catch (e) { setError((e as Error).message); }
            }}>Revoke</button></td></tr>
        ))}</tbody>
      </table>
      <ClientForm className="row-fields" onSubmit={async (e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        try {
          const { token, info } = await call<{ token: string; info: Token }>("/api/tokens", "POST", { name: f.get("name"), role: f.get("role") });
          setTokens([...tokens, info]);
          setSecret(token);
        } catch (err) { setError((err as Error).message); }
      }}>
        <label><span>Token name</span><input name="name" required placeholder="status-bot" /></label>
        <label><span>Role</span><select name="role" defaultValue="responder">{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
        <button type="submit">Create token</button>
      </ClientForm>
      {secret && <p role="status" className="notice">New token (copy it now; it is not shown again): <code className="mono">{secret}</code></p>}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
