/** The collaboration server's public surface: server/index.ts wires createCollabServer into the HTTP server. */
export { createCollabServer, DEFAULT_COLLAB_LIMITS, type CollabServer, type CollabServerOptions } from "./createCollabServer";
export { roomAccess } from "./roomAccess";
export type { Access, CollabLimits, CollabLogger, OriginCheck, RoomAccess, RoomMatcher } from "./types";
export { createRedisRelay, type RoomRelay } from "./redisRelay";
export { createRightsRelay, type RightsRelay } from "./rightsRelay";
export { dbRoomStore, type LoadedRoom, type RoomStore } from "./roomStore";
export { createMemoryRoomStore, type MemoryRoomStore } from "./memoryRoomStore";
export { LiveAgreement, type LiveAgreementOptions } from "./liveAgreement";
export { WatchHub } from "./watchHub";
export { startLiveAgreement, type LiveWiring } from "./liveWiring";
