"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import { initials } from "@/lib/collab/userColour";

interface Present {
  clientId: number;
  name: string;
  color: string;
}

/** Who is here, from awareness; the server stamps each state's user from the session. */
export function Presence({ provider }: { provider: WebsocketProvider }) {
  const [present, setPresent] = useState<Present[]>([]);
  useEffect(() => {
    const read = () => {
      const seen = new Map<string, Present>();
      provider.awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: { name?: unknown; color?: unknown; id?: unknown } }).user;
        if (!user || typeof user.name !== "string") return;
        const key = typeof user.id === "string" ? user.id : user.name;
        if (!seen.has(key)) seen.set(key, { clientId, name: user.name, color: typeof user.color === "string" ? user.color : "#57606a" });
      });
      setPresent([...seen.values()].sort((a, b) => a.name.localeCompare(b.name)));
    };
    read();
    provider.awareness.on("change", read);
    return () => provider.awareness.off("change", read);
  }, [provider]);

  return (
    <div className="presence" role="group" aria-label={`Here now: ${present.map((p) => p.name).join(", ") || "nobody yet"}`} data-testid="presence">
      {present.map((p) => (
        <span key={p.clientId} className="avatar" style={{ background: p.color }} title={p.name} data-name={p.name}>
          {initials(p.name)}
        </span>
      ))}
    </div>
  );
}
