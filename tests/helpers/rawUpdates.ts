/**
 * Yjs updates written byte by byte (format v1), for tests that send what no Yjs client would:
 * zero-length items and delete ranges, references to structs that do not exist, deep nesting,
 * items whose neighbours live in other types. Yjs' own encoder cannot produce them.
 *
 *   rawUpdate([{ client: 7, clock: 0, structs: [item({ root: 't' }, { string: 'hi' })] }])
 *
 * The layout is Yjs' `writeClientsStructs` then `writeDeleteSet` with `UpdateEncoderV1`.
 */
import * as encoding from 'lib0/encoding'

export interface Ref {
  client: number
  clock: number
}

export type Content =
  | { string: string }
  | { any: unknown[] }
  /** JSON texts (Yjs' legacy `ContentJSON`). */
  | { json: string[] }
  | { deleted: number }
  | { type: 'array' | 'map' | 'text' }
  | { doc: string }

export type Struct =
  | { gc: number }
  | { skip: number }
  | {
      origin?: Ref
      rightOrigin?: Ref
      /** Written only when neither origin is (Yjs copies the parent from a neighbour). */
      parent?: { root: string } | { item: Ref }
      parentSub?: string
      content: Content
    }

export interface ClientStructs {
  client: number
  clock: number
  structs: Struct[]
}

export interface DeleteRanges {
  client: number
  ranges: Array<[clock: number, length: number]>
}

const TYPE_REFS = { array: 0, map: 1, text: 2 } as const

/** An item whose parent is a root type, or the type created by the item at `parent`. */
export function item(parent: string | Ref, content: Content, parentSub?: string): Struct {
  return {
    parent: typeof parent === 'string' ? { root: parent } : { item: parent },
    content,
    ...(parentSub === undefined ? {} : { parentSub }),
  }
}

export function rawUpdate(clients: ClientStructs[], deletes: DeleteRanges[] = []): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, clients.length)
  for (const { client, clock, structs } of clients) {
    encoding.writeVarUint(encoder, structs.length)
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
    for (const struct of structs) writeStruct(encoder, struct)
  }
  encoding.writeVarUint(encoder, deletes.length)
  for (const { client, ranges } of deletes) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, ranges.length)
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock)
      encoding.writeVarUint(encoder, length)
    }
  }
  return encoding.toUint8Array(encoder)
}

function writeStruct(encoder: encoding.Encoder, struct: Struct): void {
  if ('gc' in struct) {
    encoding.writeUint8(encoder, 0)
    encoding.writeVarUint(encoder, struct.gc)
    return
  }
  if ('skip' in struct) {
    encoding.writeUint8(encoder, 10)
    encoding.writeVarUint(encoder, struct.skip)
    return
  }
  const { origin, rightOrigin, parent, parentSub, content } = struct
  const copiesParent = origin !== undefined || rightOrigin !== undefined
  const info =
    contentRef(content) |
    (origin ? 0x80 : 0) |
    (rightOrigin ? 0x40 : 0) |
    (!copiesParent && parentSub !== undefined ? 0x20 : 0)
  encoding.writeUint8(encoder, info)
  for (const id of [origin, rightOrigin]) {
    if (!id) continue
    encoding.writeVarUint(encoder, id.client)
    encoding.writeVarUint(encoder, id.clock)
  }
  if (!copiesParent) {
    const where = parent ?? { root: 't' }
    if ('root' in where) {
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, where.root)
    } else {
      encoding.writeVarUint(encoder, 0)
      encoding.writeVarUint(encoder, where.item.client)
      encoding.writeVarUint(encoder, where.item.clock)
    }
    if (parentSub !== undefined) encoding.writeVarString(encoder, parentSub)
  }
  writeContent(encoder, content)
}

function contentRef(content: Content): number {
  if ('deleted' in content) return 1
  if ('string' in content) return 4
  if ('type' in content) return 7
  if ('any' in content) return 8
  if ('json' in content) return 2
  return 9 // doc
}

function writeContent(encoder: encoding.Encoder, content: Content): void {
  if ('deleted' in content) encoding.writeVarUint(encoder, content.deleted)
  else if ('string' in content) encoding.writeVarString(encoder, content.string)
  else if ('type' in content) encoding.writeVarUint(encoder, TYPE_REFS[content.type])
  else if ('any' in content) {
    encoding.writeVarUint(encoder, content.any.length)
    for (const value of content.any) encoding.writeAny(encoder, value as never)
  } else if ('json' in content) {
    encoding.writeVarUint(encoder, content.json.length)
    for (const text of content.json) encoding.writeVarString(encoder, text)
  } else {
    encoding.writeVarString(encoder, content.doc)
    encoding.writeAny(encoder, {})
  }
}
