import { hasRole, requirePageUser } from "@/auth";
import { getDb } from "@/db/connection";
import { listTokens } from "@/db/tokens";
import { listUsers } from "@/db/users";
import { deliveryLog, listSubscribers } from "@/db/subscribers";
import { listJournalProblems } from "@/db/journal";
import { DeliveriesAdmin } from "@/components/admin/DeliveriesAdmin";
import { JournalProblems } from "@/components/admin/JournalProblems";
import { Forbidden } from "@/components/Forbidden";
import { TokensAdmin } from "@/components/admin/TokensAdmin";
import { UsersAdmin } from "@/components/admin/UsersAdmin";
import { PublishingAdmin } from "@/components/admin/PublishingAdmin";
import { publishingOverview } from "@/server/publishing-overview";
import { PageSettingsForm } from "@/components/settings/PageSettingsForm";
import { CauseTagsForm } from "@/components/settings/CauseTagsForm";
import { listCauseTags } from "@/db/cause-tags";
import { currentPageSettings } from "@/server/page-settings";
import { ReviewSettingsForm } from "@/components/settings/ReviewSettingsForm";
import { reviewPolicy } from "@/server/review-policy";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("/settings");
  if (!hasRole(user, "admin")) return <Forbidden role="admin" back="/incidents" />;
  const db = getDb();
  return (
    <>
      <h1>Settings</h1>
      <PageSettingsForm initial={currentPageSettings()} />
      <ReviewSettingsForm initial={reviewPolicy(db)} />
      <UsersAdmin initial={listUsers(db)} />
      <TokensAdmin initial={listTokens(db)} />
      <CauseTagsForm initial={listCauseTags(db)} />
      <PublishingAdmin overview={publishingOverview(db)} />
      <JournalProblems problems={listJournalProblems(db)} />
      <DeliveriesAdmin subscribers={listSubscribers(db)} log={deliveryLog(db) as Parameters<typeof DeliveriesAdmin>[0]["log"]} />
    </>
  );
}
