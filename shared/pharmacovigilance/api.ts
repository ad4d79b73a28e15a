import type { AdverseEvent, PV_STATUSES, Role } from '../schemas';

/**
 * The pharmacovigilance queue API (server/http/pharmacovigilance.ts): admins and medical affairs
 * see every adverse-event report the server has received and acknowledge them. The app's queue
 * page and the server compile against these types.
 */
export const PV_API = {
  list: '/api/pv/adverse-events',
  acknowledge: (id: string) => `/api/pv/adverse-events/${encodeURIComponent(id)}/acknowledge`,
  /** The acknowledge route as the server registers it. */
  acknowledgeRoute: '/api/pv/adverse-events/:id/acknowledge',
} as const;

/** Who works the queue: pharmacovigilance sits with medical affairs; admins run the server. */
export const PV_ROLES: readonly Role[] = ['admin', 'medical_affairs'];
export const canWorkPvQueue = (roles: readonly Role[]): boolean => roles.some((r) => PV_ROLES.includes(r));

/** `?status=` of the list: the open queue (default), the acknowledged ones, or all. */
export const PV_LIST_FILTERS = ['received', 'acknowledged', 'all'] as const;
export type PvListFilter = (typeof PV_LIST_FILTERS)[number];
export type PvStatus = (typeof PV_STATUSES)[number];

/** One report in the queue, with the names the queue shows (the reporter's device may be offline for days). */
export interface PvQueueItem {
  report: AdverseEvent;
  repName: string | null;
  customerName: string | null;
  acknowledgedByName: string | null;
}

/** GET PV_API.list?status=… : open reports oldest first (the 24-hour clock), otherwise newest first. */
export interface PvListResponse {
  items: PvQueueItem[];
}

/** POST PV_API.acknowledge(id), body `{}`. `changed: false`: it was already acknowledged (nothing written). */
export interface PvAcknowledgeResponse {
  item: PvQueueItem;
  changed: boolean;
}
