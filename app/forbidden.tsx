import { ErrorPage } from "@/components/layout/ErrorPage";
import { PlaceLinks } from "@/components/layout/PlaceLinks";

export const metadata = { title: "Not allowed" };

export default function Forbidden() {
  return (
    <ErrorPage title="This page is for the cohort's instructors" links={<PlaceLinks />}>
      <p>Your role in this cohort doesn't include this page. If you need it, ask one of the cohort's instructors to change your role.</p>
    </ErrorPage>
  );
}
