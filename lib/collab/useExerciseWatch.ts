"use client";

import { useEffect, useRef, useState } from "react";
import type { AgreementView } from "../agreement/runSchema";
import { roomName } from "./roomName";
import { collabBaseUrl } from "./useCollabRoom";
import { type ExerciseState, parseWatchMessage } from "./watchMessages";

export type WatchStatus = "connecting" | "live" | "offline" | "denied";

export interface ExerciseWatchHandlers {
  onExercise?: (state: ExerciseState) => void;
  onAgreement?: (view: AgreementView) => void;
}

/**
 * The exercise's pushed state and live agreement (room watch:<exerciseId>, lib/collab/watchMessages),
 * instead of polling: a submit, a reveal or an agreement change arrives within a second. Reconnects with
 * back-off after a drop; a 44xx close (not allowed, not signed in) is final, as for every room.
 */
export function useExerciseWatch(exerciseId: string, handlers: ExerciseWatchHandlers): WatchStatus {
  const [status, setStatus] = useState<WatchStatus>("connecting");
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: number | undefined;
    let attempts = 0;
    let stopped = false;
    const open = () => {
      if (stopped) return;
      socket = new WebSocket(`${collabBaseUrl()}/${roomName({ kind: "watch", exerciseId })}`);
      socket.binaryType = "arraybuffer";
      socket.onopen = () => {
        attempts = 0;
        setStatus("live");
      };
      socket.onmessage = (event: MessageEvent<ArrayBuffer>) => {
        if (!(event.data instanceof ArrayBuffer)) return;
        const message = parseWatchMessage(new Uint8Array(event.data));
        if (message?.type === "exercise") latest.current.onExercise?.(message.state);
        else if (message?.type === "agreement") latest.current.onAgreement?.(message.view);
      };
      socket.onclose = (event) => {
        socket = null;
        if (stopped) return;
        if (event.code >= 4400 && event.code <= 4499) {
          setStatus("denied");
          return;
        }
        setStatus("offline");
        attempts++;
        retry = window.setTimeout(open, Math.min(30_000, 500 * 2 ** Math.min(attempts, 6)));
      };
    };
    open();
    return () => {
      stopped = true;
      window.clearTimeout(retry);
      socket?.close();
    };
  }, [exerciseId]);

  return status;
}
