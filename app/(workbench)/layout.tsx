import Link from "next/link";
import { currentUser, hasRole } from "@/auth";
import { SignOutButton } from "@/components/SignOutButton";

export default async function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <header className="topbar">
        <Link href="/incidents" className="brand">Sitrep</Link>
        <nav aria-label="Workbench">
          <Link href="/incidents">Incidents</Link>
          <Link href="/action-items">Action items</Link>
          <Link href="/services">Services</Link>
          {user && hasRole(user, "responder") && <Link href="/publish">Publish status</Link>}
          {user && hasRole(user, "responder") && <Link href="/training">Training</Link>}
          <a href="/status/">Status page</a>
          {user && hasRole(user, "admin") && <Link href="/settings">Settings</Link>}
        </nav>
        {user && (
          <>
            <Link href="/account" className="who" title="Your account: change your password">{user.email} · {user.role}</Link>
            <SignOutButton />
          </>
        )}
      </header>
      <main>{children}</main>
    </>
  );
}
