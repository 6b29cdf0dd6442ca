/**
 * A full device, in fake-indexeddb: every IndexedDB write aborts with QuotaExceededError, as on a
 * tablet whose storage is full. Returns the undo; call it in a `finally`.
 */
export function fillTheDisk(): () => void {
  const proto = IDBObjectStore.prototype
  const add = proto.add
  proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
    const req = add.apply(this, args)
    ;(this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError')
    return req
  }
  return () => {
    proto.add = add
  }
}
