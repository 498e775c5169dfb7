import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Coflex", template: "%s · Coflex" },
  description: "Real-time FAD co-coding and inter-rater agreement for psychotherapy supervision.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request, so each gets the nonce of its own CSP (proxy.ts).
  await headers();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
