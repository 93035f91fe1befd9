import { createEvent, type EventAttributes } from 'ics';

export interface IcsEvent {
  uid: string;
  title: string;
  description: string;
  location: string;
  /** Local wall-clock times 'YYYY-MM-DDTHH:MM' as planned; written as floating local times. */
  start: string;
  end: string;
  organizer: { name: string; email: string };
  attendees: Array<{ name: string; email?: string | null }>;
}

const parts = (t: string): [number, number, number, number, number] => [
  Number(t.slice(0, 4)),
  Number(t.slice(5, 7)),
  Number(t.slice(8, 10)),
  Number(t.slice(11, 13) || 0),
  Number(t.slice(14, 16) || 0),
];

/**
 * An RFC 5545 invitation (METHOD:REQUEST) that Outlook, Google Calendar and phones open. Times are
 * the local times the manager planned (floating), since invitees meet in the same place; the UID is
 * stable per event and invitee so a re-sent invitation updates the entry instead of duplicating it.
 */
export function buildIcs(e: IcsEvent): string {
  const attrs: EventAttributes = {
    uid: e.uid,
    title: e.title,
    description: e.description,
    location: e.location,
    start: parts(e.start),
    startInputType: 'local',
    startOutputType: 'local',
    end: parts(e.end),
    endInputType: 'local',
    endOutputType: 'local',
    method: 'REQUEST',
    status: 'CONFIRMED',
    productId: 'offseason-planner/ics',
    organizer: { name: e.organizer.name, email: e.organizer.email },
    attendees: e.attendees.map((a) => ({
      name: a.name,
      email: a.email ?? 'invitee@offseason-planner.invalid',
      rsvp: true,
      role: 'REQ-PARTICIPANT',
      partstat: 'NEEDS-ACTION',
    })),
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw new Error(`Calendar file could not be built: ${error?.message ?? 'unknown error'}`);
  return foldOctets(value);
}

/**
 * RFC 5545 §3.1: content lines are folded at 75 octets, not characters; Chinese and Russian text
 * needs 2-3 octets a character, so the library's folding is redone here without splitting a character.
 */
export function foldOctets(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const out: string[] = [];
  for (const line of unfolded.split('\r\n')) {
    let current = '';
    let bytes = 0;
    let limit = 75;
    for (const ch of line) {
      const size = Buffer.byteLength(ch, 'utf8');
      if (bytes + size > limit) {
        out.push(current);
        current = ' ';
        bytes = 1;
        limit = 75;
      }
      current += ch;
      bytes += size;
    }
    out.push(current);
  }
  return out.join('\r\n');
}
