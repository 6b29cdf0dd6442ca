/**
 * Who made a change to a meeting document. Every mutation in `src/doc` runs in one transaction
 * tagged with one of these, so listeners (undo, "changes not yet on the relay") know where a
 * change came from. Changes applied by y-websocket or y-indexeddb carry the provider object
 * itself as origin, which is never one of these.
 */
export const origins = {
  /** Typed on this device. The only origin the undo manager tracks. */
  local: { kind: 'local' },
  /** Merged from a hand-over file. */
  import: { kind: 'import' },
  /** The meeting set back to an earlier snapshot (`restore.ts`): undone by another restore. */
  restore: { kind: 'restore' },
  /**
   * Bookkeeping written by the app itself (device presence, migrations, ateliers' key checks):
   * never undone, never "typed".
   */
  presence: { kind: 'presence' },
} as const

export type Origin = (typeof origins)[keyof typeof origins]

export function isOwnOrigin(origin: unknown): origin is Origin {
  return origin === origins.local || origin === origins.import || origin === origins.restore
}
