import Link from "next/link";
import { currentUser, hasRole } from "@/auth";
import { SignOutButton } from "@/components/SignOutButton";

export default async function WorkbenchLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <header className="topbar">
        <Link href="/incidents" className="brand" prefetch={false}>Sitrep</Link>
        <nav aria-label="Workbench">
          <Link href="/incidents" prefetch={false}>Incidents</Link>
          <Link href="/action-items" prefetch={false}>Action items</Link>
          <Link href="/services" prefetch={false}>Services</Link>
          <Link href="/insights" prefetch={false}>Insights</Link>
          {user && hasRole(user, "responder") && <Link href="/publish" prefetch={false}>Publish status</Link>}
          {user && hasRole(user, "responder") && <Link href="/training" prefetch={false}>Training</Link>}
          <a href="/status/">Status page</a>
          {user && hasRole(user, "admin") && <Link href="/settings" prefetch={false}>Settings</Link>}
        </nav>
        {user && (
          <>
            <Link href="/account" prefetch={false} className="who" title="Your account: change your password">{user.email} · {user.role}</Link>
            <SignOutButton />
          </>
        )}
      </header>
      <main>{children}</main>
    </>
  );
}
