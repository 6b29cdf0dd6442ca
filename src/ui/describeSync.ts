import type { SyncStatus } from '../sync/meetingSession'
import { formatAgo } from '../text/formatAgo'
import { t } from '../text/strings'

/** What the sync bar says: one short line for the top bar, and the details shown on a tap. */
export interface SyncDescription {
  summary: string
  details: string[]
}

/**
 * The sync bar's words for a status. `saved` is `savedLocally` once it has settled (see
 * `SyncIndicator`). The short line says only what the person can act on — the network, or a
 * storage problem; saving, the relay and the last synchronisation are in the details.
 */
export function describeSync(status: SyncStatus, saved: boolean, now: number): SyncDescription {
  const notSaved = status.unsavedChanges > 0 && status.storageProblem !== null
  const here = notSaved
    ? t.saving.notSaved(status.unsavedChanges)
    : saved
      ? t.saving.savedHere
      : t.saving.inProgress
  const last =
    status.lastSyncedAt === null
      ? t.sync.neverSynced
      : t.sync.lastSynced(formatAgo(status.lastSyncedAt, now))
  // Refused for size (4413, or 1009 while the provider keeps retrying): stopped, not offline.
  const stopped =
    status.refusal === 'tooLarge' ||
    (status.connection === 'refused' && status.refusal === 'forbiddenOrigin')
  const relay =
    status.refusal === 'tooLarge'
      ? t.saving.refusedTooLarge
      : status.refusal === 'forbiddenOrigin'
        ? t.saving.refusedOrigin
        : status.connection === 'synced' && !status.pendingChanges
          ? t.sync.onRelay
          : status.refusal === 'busy'
            ? t.saving.relayBusy
            : status.pendingChanges
              ? t.sync.pending
              : null
  const summary = notSaved
    ? here
    : stopped
      ? t.saving.stopped
      : status.connection === 'offline'
        ? status.pendingChanges
          ? t.sync.offlinePending
          : t.sync.offline
        : SUMMARY[status.connection]
  return { summary, details: [here, ...(relay ? [relay] : []), last] }
}

const SUMMARY = {
  synced: t.sync.synced,
  connecting: t.sync.connecting,
  offline: t.sync.offline,
  refused: t.sync.refused,
} as const
