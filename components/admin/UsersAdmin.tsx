"use client";
import { ClientForm } from "../ClientForm";
import { useState } from "react";
import { ROLES, type Role } from "@/lib/model";
import { call } from "./api";

type User = { id: number; email: string; name: string; role: Role; disabled_at?: string | null };

export function UsersAdmin({ initial }: { initial: User[] }) {
  const [users, setUsers] = useState(initial);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => { setError(null); setMessage(null); try { await fn(); } catch (e) { setError((e as Error).message); } };

  return (
    <section className="panel table-wrap" aria-labelledby="users-h" tabIndex={0}>
      <h2 id="users-h">People</h2>
      <table>
        <thead><tr><th>Email</th><th>Name</th><th>Role</th><th>State</th><th>Actions</th></tr></thead>
        <tbody>{users.map((u) => (
          <tr key={u.id}><td>{u.email}</td><td>{u.name}</td><td>
            <select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => run(async () => {
              const updated = await call<User>(`/api/users/${u.id}`, "PATCH", { role: e.target.value });
              setUsers(users.map((x) => (x.id === u.id ? updated : x)));
            })}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select>
          </td>
          <td>{u.disabled_at ? "disabled" : "active"}</td>
          <td><div className="actions row-actions">
            <button type="button" className="secondary small" aria-label={`${u.disabled_at ? "Enable" : "Disable"} ${u.email}`} onClick={() => run(async () => {
              const updated = await call<User>(`/api/users/${u.id}`, "PATCH", { disabled: !u.disabled_at });
              setUsers(users.map((x) => (x.id === u.id ? updated : x)));
              setMessage(updated.disabled_at ? `${u.email} is disabled and signed out everywhere.` : `${u.email} can sign in again.`);
            })}>{u.disabled_at ? "Enable" : "Disable"}</button>
            <button type="button" className="secondary small" aria-label={`Reset the password of ${u.email}`} onClick={() => run(async () => {
              const { password } = await call<User & { password: string }>(`/api/users/${u.id}`, "PATCH", { resetPassword: true });
              setMessage(`New password for ${u.email} (shown once; their sessions have ended): ${password}`);
            })}>Reset password</button>
            <button type="button" className="secondary small" aria-label={`Remove ${u.email}`} onClick={() => {
              if (!window.confirm(`Remove ${u.email}? Their sessions and API tokens stop working.`)) return;
              run(async () => {
                await call(`/api/users/${u.id}`, "DELETE");
                setUsers(users.filter((x) => x.id !== u.id));
                setMessage(`Removed ${u.email}.`);
              });
            }}>Remove</button>
          </div></td></tr>
        ))}</tbody>
      </table>
      <ClientForm className="row-fields" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const form = e.currentTarget;
        run(async () => {
          const { user, password } = await call<{ user: User; password?: string }>("/api/users", "POST",
            { email: f.get("email"), name: f.get("name"), role: f.get("role") });
          setUsers([...users, user]);
          setMessage(`Created ${user.email}. Password (shown once): ${password}`);
          form.reset();
        });
      }}>
        <label><span>Email</span><input name="email" type="email" required /></label>
        <label><span>Name</span><input name="name" /></label>
        <label><span>Role</span><select name="role" defaultValue="viewer">{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
        <button type="submit">Add person</button>
      </ClientForm>
      {message && <p role="status" className="notice mono">{message}</p>}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
