/**
 * A first look at a Yjs update (format v1) on its bytes alone, before Yjs decodes it: one pass
 * over the bytes, a few numbers kept per struct, no object built for any of them.
 *
 * Decoding is what a hostile update costs the relay before it can be refused: `Y.decodeUpdate`
 * builds an object per struct on the one thread every meeting shares, and lib0 reads JSON-like
 * values recursively. So whatever the bytes show is refused here, before any of that:
 *
 * - what Yjs could not decode: cut short, an unknown kind of struct, content, type or value, a
 *   number beyond 2^53, a string that is not UTF-8;
 * - a client in two sections (or in an empty one: Yjs would keep only the last), a struct or a
 *   deleted range of length zero, a clock at or above 2^31, a sub-document;
 * - JSON-like values (any, JSON, embed, format) nested more than `MAX_VALUE_DEPTH` deep;
 * - shared types nested more than `MAX_TYPE_DEPTH` deep within the update itself. Types of the
 *   document it builds on count as roots here; `updateCheck.ts`, which has the document, counts
 *   their depth too.
 *
 * Everything that needs the document (references, neighbours, completeness) is `updateCheck.ts`'s.
 */
import { isUtf8 } from 'node:buffer'

/** Nested shared types: the app nests three levels (map of maps of texts). */
export const MAX_TYPE_DEPTH = 16
/** Nesting of a JSON value inside an item (a presence-like object is two or three). */
export const MAX_VALUE_DEPTH = 32
/** Clocks count a client's operations: 2^31 is far beyond any evening, and safe arithmetic. */
export const MAX_CLOCK = 2 ** 31

/** Why the update is refused, or null if nothing in its bytes alone refuses it. */
export function scanUpdate(update: Uint8Array): string | null {
  try {
    new Scan(new Reader(update)).run()
    return null
  } catch (error) {
    if (error instanceof Refused) return error.message
    throw error
  }
}

class Refused extends Error {}

function refuse(why: string): never {
  throw new Refused(why)
}

/** lib0's `decoding` reads, without building what they read. */
class Reader {
  #pos = 0
  readonly #bytes: Uint8Array

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes
  }

  byte(): number {
    if (this.#pos >= this.#bytes.length) refuse('undecodable')
    return this.#bytes[this.#pos++]!
  }

  varUint(): number {
    const bytes = this.#bytes
    let pos = this.#pos
    let value = 0
    for (let scale = 1; pos < bytes.length; scale *= 128) {
      const byte = bytes[pos++]!
      value += (byte & 0x7f) * scale
      if (byte < 0x80) {
        this.#pos = pos
        return value
      }
      if (value > Number.MAX_SAFE_INTEGER) break
    }
    return refuse('undecodable')
  }

  /** lib0's signed varint: a sign bit in the first byte, then as `varUint`. */
  varInt(): void {
    if (this.byte() < 0x80) return
    this.varUint()
  }

  skip(length: number): void {
    if (length > this.#bytes.length - this.#pos) refuse('undecodable')
    this.#pos += length
  }

  /**
   * Skips a string, which lib0 decodes as UTF-8 with `fatal: true`; returns its length in UTF-16
   * code units (Yjs' clocks of a string). ASCII (keys, names) costs no allocation.
   */
  string(): number {
    return this.#measure(this.#text())
  }

  /** Skips a JSON text, counting its brackets (outside its strings) as deep as `skipAny` allows. */
  json(): void {
    const from = this.#text()
    this.#measure(from)
    const bytes = this.#bytes
    let depth = 0
    let inString = false
    for (let i = from; i < this.#pos; i++) {
      const byte = bytes[i]!
      if (inString) {
        if (byte === BACKSLASH) i++
        else if (byte === QUOTE) inString = false
      } else if (byte === QUOTE) inString = true
      else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
        if (depth >= MAX_VALUE_DEPTH) refuse('value nested too deep')
        depth++
      } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--
    }
  }

  /** Skips a string's length and bytes; returns where its bytes start. */
  #text(): number {
    const length = this.varUint()
    const from = this.#pos
    this.skip(length)
    return from
  }

  /** Length in UTF-16 code units of the string from `from` to here, checked to be UTF-8. */
  #measure(from: number): number {
    const bytes = this.#bytes
    let ascii = true
    for (let i = from; i < this.#pos && ascii; i++) ascii = bytes[i]! < 0x80
    if (ascii) return this.#pos - from
    if (!isUtf8(bytes.subarray(from, this.#pos))) refuse('undecodable')
    let length = 0
    for (let i = from; i < this.#pos; i++) {
      const byte = bytes[i]!
      if ((byte & 0xc0) !== 0x80) length++ // a code point starts here
      if (byte >= 0xf0) length++ // beyond the BMP: a surrogate pair
    }
    return length
  }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d

// Structs' kinds, and how an item's type is named (Yjs' info byte).
const GC_OR_SKIP = 0
const ITEM = 1
const TYPE_ITEM = 2
const HAS_ORIGIN = 0x80
const HAS_RIGHT_ORIGIN = 0x40
const HAS_PARENT_SUB = 0x20
const SKIP = 10
const CONTENT_TYPE = 7
const CONTENT_DOC = 9
/** Type refs of Yjs' `typeRefs` (array, map, text, xml element, fragment, hook, xml text). */
const TYPE_REFS = 7
const XML_ELEMENT = 3
const XML_HOOK = 5

// How an item finds the type it sits in.
const IN_ROOT = 0
/** The type created by the item `link`. */
const IN_PARENT = 1
/** The type of its neighbour `link` (Yjs copies it). */
const BESIDE = 2

const UNRESOLVED = -1
const RESOLVING = -2

class Scan {
  readonly #reader: Reader
  /** client → its section's first struct (an index of the arrays below) and end. */
  readonly #sections = new Map<number, { first: number; end: number; endClock: number }>()
  // Per struct, in the order read (so by clock within a section).
  readonly #clocks: number[] = []
  readonly #kinds: number[] = []
  readonly #links: number[] = []
  readonly #linkClients: number[] = []
  readonly #linkClocks: number[] = []
  /** Depth of the type a struct sits in (0 for a root's), once known. */
  readonly #depths: number[] = []
  #types = 0

  constructor(reader: Reader) {
    this.#reader = reader
  }

  run(): void {
    const r = this.#reader
    for (let sections = r.varUint(); sections > 0; sections--) {
      const structs = r.varUint()
      const client = r.varUint()
      let clock = r.varUint()
      if (structs === 0 || this.#sections.has(client)) refuse('client in two sections')
      const section = { first: this.#clocks.length, end: this.#clocks.length, endClock: clock }
      this.#sections.set(client, section)
      for (let i = 0; i < structs; i++) {
        const length = this.#struct(clock)
        if (length < 1) refuse('zero-length struct')
        clock += length
        if (clock > MAX_CLOCK) refuse('clock out of range')
        section.end++
        section.endClock = clock
      }
    }
    for (let clients = r.varUint(); clients > 0; clients--) {
      r.varUint() // client
      for (let ranges = r.varUint(); ranges > 0; ranges--) {
        const clock = r.varUint()
        const length = r.varUint()
        if (length < 1) refuse('zero-length deletion')
        if (clock + length > MAX_CLOCK) refuse('clock out of range')
      }
    }
    if (this.#types > 0) this.#checkTypeDepths()
  }

  /** Reads one struct as Yjs' lazy struct reader does; returns its length. */
  #struct(clock: number): number {
    const r = this.#reader
    const info = r.byte()
    const ref = info & 0x1f
    if (ref === 0 || info === SKIP) {
      this.#record(clock, GC_OR_SKIP, IN_ROOT)
      return r.varUint()
    }
    let link = IN_ROOT
    let client = 0
    let linkClock = 0
    if (info & HAS_ORIGIN) {
      link = BESIDE
      client = r.varUint()
      linkClock = r.varUint()
    }
    if (info & HAS_RIGHT_ORIGIN) {
      const rightClient = r.varUint()
      const rightClock = r.varUint()
      // Yjs takes the left neighbour's type, or the right one's when there is no left one.
      if (link === IN_ROOT) {
        link = BESIDE
        client = rightClient
        linkClock = rightClock
      }
    }
    if (link === IN_ROOT) {
      if (r.varUint() === 1)
        r.string() // a root type's name
      else {
        link = IN_PARENT
        client = r.varUint()
        linkClock = r.varUint()
      }
      if (info & HAS_PARENT_SUB) r.string()
    }
    this.#record(clock, ref === CONTENT_TYPE ? TYPE_ITEM : ITEM, link, client, linkClock)
    return this.#content(ref)
  }

  #record(clock: number, kind: number, link: number, client = 0, linkClock = 0): void {
    this.#clocks.push(clock)
    this.#kinds.push(kind)
    this.#links.push(link)
    this.#linkClients.push(client)
    this.#linkClocks.push(linkClock)
    this.#depths.push(UNRESOLVED)
    if (kind === TYPE_ITEM) this.#types++
    // Resolved at once when what it links to is read and resolved (a chain of parents is refused
    // at its 17th map, not after all of them); otherwise once every struct is read.
    const at = this.#clocks.length - 1
    if (link === IN_ROOT) return this.#resolve(at, 0)
    const linked = this.#linked(at)
    const beyond = linked >= 0 ? this.#depths[linked]! : UNRESOLVED
    if (beyond >= 0) this.#resolve(at, link === IN_PARENT ? beyond + 1 : beyond)
  }

  /** Sets the depth of the type struct `at` sits in, refusing a type nested too deep. */
  #resolve(at: number, depth: number): void {
    if (depth + (this.#kinds[at] === TYPE_ITEM ? 1 : 0) > MAX_TYPE_DEPTH)
      refuse('types nested too deep')
    this.#depths[at] = depth
  }

  /** Reads an item's content (Yjs' `contentRefs`); returns its length. */
  #content(ref: number): number {
    const r = this.#reader
    switch (ref) {
      case 1: // deleted
        return r.varUint()
      case 2: {
        // JSON strings (or "undefined")
        const count = r.varUint()
        for (let i = 0; i < count; i++) r.json()
        return count
      }
      case 3: // binary
        r.skip(r.varUint())
        return 1
      case 4: // string
        return r.string()
      case 5: // embed: JSON
        r.json()
        return 1
      case 6: // format: a key and JSON
        r.string()
        r.json()
        return 1
      case CONTENT_TYPE: {
        const type = r.varUint()
        if (type >= TYPE_REFS) refuse('undecodable')
        if (type === XML_ELEMENT || type === XML_HOOK) r.string() // its name
        return 1
      }
      case 8: {
        // any: lib0 values
        const count = r.varUint()
        for (let i = 0; i < count; i++) skipAny(r)
        return count
      }
      case CONTENT_DOC:
        return refuse('sub-document')
      default:
        return refuse('undecodable')
    }
  }

  /**
   * The depth of every type the update creates that could not be resolved as it was read: it
   * links to a struct of a later section. Each struct is resolved once.
   */
  #checkTypeDepths(): void {
    for (let i = 0; i < this.#kinds.length; i++) {
      if (this.#kinds[i] === TYPE_ITEM && this.#depths[i] === UNRESOLVED) this.#containerDepth(i)
    }
  }

  /** Resolves the depth of the type struct `start` sits in, walking its links without recursion. */
  #containerDepth(start: number): void {
    const depths = this.#depths
    const path: number[] = []
    /** Depth of the type the path's last struct sits in, through what it links to; null: none. */
    let beyond: number | null = null
    for (let at = start; ;) {
      if (depths[at]! >= 0) {
        beyond = depths[at]!
        break
      }
      if (depths[at] === RESOLVING) {
        beyond = 0 // a cycle: Yjs can never integrate it, and updateCheck says so
        break
      }
      depths[at] = RESOLVING
      path.push(at)
      const next = this.#linked(at)
      if (next < 0) break // it sits in a root, a type of the document, or garbage
      at = next
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const at = path[i]!
      const depth = beyond === null ? 0 : this.#links[at] === IN_PARENT ? beyond + 1 : beyond
      this.#resolve(at, (beyond = depth))
    }
  }

  /**
   * The struct of the update whose type struct `at` sits in (its parent, a type) or shares (its
   * neighbour, an item), or -1: a root, the document, or garbage (Yjs nests nothing there).
   */
  #linked(at: number): number {
    const link = this.#links[at]
    if (link === IN_ROOT) return -1
    const target = this.#find(this.#linkClients[at]!, this.#linkClocks[at]!)
    if (target < 0) return -1
    const kind = this.#kinds[target]
    if (link === IN_PARENT) return kind === TYPE_ITEM ? target : -1
    return kind === GC_OR_SKIP ? -1 : target
  }

  /** The struct of the update holding `clock` of `client`, or -1. */
  #find(client: number, clock: number): number {
    const section = this.#sections.get(client)
    const clocks = this.#clocks
    if (!section || clock < clocks[section.first]! || clock >= section.endClock) return -1
    let [low, high] = [section.first, section.end - 1]
    if (clocks[high]! <= clock) return high // typing: the left neighbour was just read
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (clocks[middle]! <= clock) low = middle
      else high = middle - 1
    }
    return low
  }
}

// lib0's `readAny` tags.
const ANY_OBJECT = 118
const ANY_ARRAY = 117

/** Skips one lib0 value without recursion, refusing containers nested past `MAX_VALUE_DEPTH`. */
function skipAny(r: Reader): void {
  /** Children left to read in each open container; a key precedes each child of an object. */
  const left: number[] = []
  const isObject: boolean[] = []
  do {
    const top = left.length - 1
    if (top >= 0) {
      left[top]!--
      if (isObject[top]) r.string()
    }
    const tag = r.byte()
    if (tag === ANY_OBJECT || tag === ANY_ARRAY) {
      if (left.length >= MAX_VALUE_DEPTH) refuse('value nested too deep')
      left.push(r.varUint())
      isObject.push(tag === ANY_OBJECT)
    } else if (tag === 125) r.varInt()
    else if (tag === 124) r.skip(4)
    else if (tag === 123 || tag === 122) r.skip(8)
    else if (tag === 119) r.string()
    else if (tag === 116) r.skip(r.varUint())
    else if (tag < 120 || tag > 127) refuse('undecodable') // 120, 121, 126, 127: constants
    while (left.length > 0 && left.at(-1) === 0) {
      left.pop()
      isObject.pop()
    }
  } while (left.length > 0)
}
