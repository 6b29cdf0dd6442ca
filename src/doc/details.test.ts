import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { moveAtelier, removeAtelier, restoreAtelier, updateAtelier } from './ateliers'
import {
  atelierSlotMinutes,
  DEFAULT_SCHEDULE,
  readDetails,
  scheduleProblems,
  updateDetails,
} from './details'
import { createMeeting, readMeeting } from './meetingDoc'
import { metaOf } from './layout'

describe('meeting details and schedule', () => {
  it('defaults to the Reims evening, 17:30–20:30, with 90 minutes of ateliers', () => {
    const doc = new Y.Doc()
    createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    const details = readDetails(doc)
    expect(details.schedule).toEqual(DEFAULT_SCHEDULE)
    expect(atelierSlotMinutes(details.schedule)).toBe(90)
    expect(details.openingText).toContain('comité des usagers')
  })

  it('updates details, refusing a bad time without changing anything', () => {
    const doc = new Y.Doc()
    createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    updateDetails(doc, { theme: 'L’accès aux droits', place: 'Hôtel de Ville' })
    expect(readDetails(doc)).toMatchObject({ theme: 'L’accès aux droits', place: 'Hôtel de Ville' })
    expect(() =>
      updateDetails(doc, { theme: 'x', schedule: { ...DEFAULT_SCHEDULE, end: '25:00' } }),
    ).toThrow()
    expect(readDetails(doc).theme).toBe('L’accès aux droits')
  })

  it('a patch changes only the fields it names', () => {
    const doc = new Y.Doc()
    createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    updateDetails(doc, { theme: 'Logement', place: 'Hôtel de Ville', registered: 40 })
    updateDetails(doc, { place: 'Salle des fêtes' })
    updateDetails(doc, { proceedingsIntro: 'Merci à tous.' })
    expect(readDetails(doc)).toMatchObject({
      title: 'T',
      date: '2026-12-03',
      theme: 'Logement',
      place: 'Salle des fêtes',
      registered: 40,
      proceedingsIntro: 'Merci à tous.',
      schedule: DEFAULT_SCHEDULE,
    })
  })

  it('falls back field by field when a value is corrupt', () => {
    const doc = new Y.Doc()
    createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    metaOf(doc).set('schedule', { opening: 'soon' })
    expect(readDetails(doc)).toMatchObject({ title: 'T', schedule: DEFAULT_SCHEDULE })
  })

  it('finds parts of the schedule that are out of order', () => {
    expect(scheduleProblems(DEFAULT_SCHEDULE)).toEqual([])
    expect(scheduleProblems({ ...DEFAULT_SCHEDULE, restitution: '17:45' })).toEqual(
      ['restitution', 'end'].slice(0, 1),
    )
  })
})

describe('atelier details', () => {
  it('a patch changes only the fields it names: the room survives the first names typed after it', () => {
    const doc = new Y.Doc()
    const [a] = createMeeting(doc, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    updateAtelier(doc, a!, { room: 'Salle 2' })
    updateAtelier(doc, a!, { facilitatorName: 'Nadia' })
    updateAtelier(doc, a!, { reporterName: 'Paul' })
    updateAtelier(doc, a!, { name: 'Logement' })
    expect(readMeeting(doc).ateliers[0]).toMatchObject({
      name: 'Logement',
      room: 'Salle 2',
      facilitatorName: 'Nadia',
      reporterName: 'Paul',
    })
  })

  it('a patch from one device does not erase a field another device wrote meanwhile', () => {
    const coordinator = new Y.Doc()
    const [a] = createMeeting(coordinator, { title: 'T', date: '2026-12-03', atelierNames: ['A'] })
    const laptop = new Y.Doc()
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(coordinator))
    updateAtelier(coordinator, a!, { room: 'Salle 2' })
    updateAtelier(laptop, a!, { facilitatorName: 'Nadia' })
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(coordinator))
    Y.applyUpdate(coordinator, Y.encodeStateAsUpdate(laptop))
    for (const doc of [coordinator, laptop])
      expect(readMeeting(doc).ateliers[0]).toMatchObject({
        room: 'Salle 2',
        facilitatorName: 'Nadia',
      })
  })

  it('sets room and first names, reorders, removes and restores with its work', () => {
    const doc = new Y.Doc()
    const [a, b, c] = createMeeting(doc, {
      title: 'T',
      date: '2026-12-03',
      atelierNames: ['A', 'B', 'C'],
    })
    updateAtelier(doc, a!, { room: 'Salle 2', facilitatorName: 'Nadia', reporterName: 'Paul' })
    expect(readMeeting(doc).ateliers[0]).toMatchObject({
      room: 'Salle 2',
      facilitatorName: 'Nadia',
    })
    expect(() => updateAtelier(doc, a!, { name: '  ' })).toThrow()
    moveAtelier(doc, c!, -1)
    expect(readMeeting(doc).ateliers.map((x) => x.id)).toEqual([a, c, b])
    removeAtelier(doc, c!)
    expect(readMeeting(doc).ateliers.map((x) => x.id)).toEqual([a, b])
    expect(readMeeting(doc).removedAteliers.map((x) => x.id)).toEqual([c])
    restoreAtelier(doc, c!)
    expect(readMeeting(doc).ateliers.map((x) => x.id)).toEqual([a, c, b])
  })
})
