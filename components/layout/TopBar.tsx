import Link from "next/link";
import { SignOutButton } from "../auth/SignOutButton";

export function TopBar({ userName }: { userName: string }) {
  return (
    <header className="topbar">
      <Link href="/" className="brand">
        Coflex
      </Link>
      <span className="spacer" />
      <span className="muted small">Signed in as {userName}</span>
      <SignOutButton />
    </header>
  );
}
