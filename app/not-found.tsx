import { ErrorPage } from "@/components/layout/ErrorPage";
import { PlaceLinks } from "@/components/layout/PlaceLinks";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <ErrorPage title="This page isn't here" links={<PlaceLinks />}>
      <p>
        There is nothing at this address for you. The link may be mistyped, or what it pointed to was deleted or belongs to a cohort you are not in. If
        someone sent you this link, ask them to check it.
      </p>
    </ErrorPage>
  );
}
