import { createEvent, type EventAttributes } from 'ics';

export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'TENTATIVE' | 'DECLINED';

export interface IcsEvent {
  uid: string;
  title: string;
  description: string;
  location: string;
  /** Wall-clock times 'YYYY-MM-DDTHH:MM' in `timeZone`, as planned. */
  start: string;
  end: string;
  /** IANA zone of the event's region: the times are written with its TZID and a VTIMEZONE. */
  timeZone: string;
  /**
   * A real address (the trip's leader or a staff member's), or null: then the file has no ORGANIZER and
   * no METHOD, an entry to add to a calendar rather than a scheduling request (RFC 5546 requires an
   * organizer's address for REQUEST), and nobody is given an invented address.
   */
  organizer: { name: string; email: string } | null;
  /** People with an address; the caller names the others in the description. */
  attendees: Array<{ name: string; email: string; partstat: PartStat }>;
}

const parts = (t: string): [number, number, number, number, number] => [
  Number(t.slice(0, 4)),
  Number(t.slice(5, 7)),
  Number(t.slice(8, 10)),
  Number(t.slice(11, 13) || 0),
  Number(t.slice(14, 16) || 0),
];

/**
 * RFC 5545 forbids a DQUOTE inside a (quoted) parameter value such as CN, and has no escape for it:
 * RFC 6868 adds one (^' for ", ^^ for ^, ^n for a line break), which ical.js and current calendar
 * apps decode. Without it a name like `Pablo "PL" Li` makes a parser reject the whole file.
 */
export const paramValue = (text: string): string => text.replace(/\^/g, '^^').replace(/"/g, "^'").replace(/\r?\n/g, '^n');

/**
 * An RFC 5545 invitation (METHOD:REQUEST) that Outlook, Google Calendar and phones open. Times are
 * the region's wall-clock times with their TZID and a VTIMEZONE for the event's years, so an invitee
 * whose phone is in another zone sees the right hour; the UID is stable per event and invitee so a
 * re-sent invitation updates the entry instead of duplicating it.
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
    ...(e.organizer ? { method: 'REQUEST', organizer: { name: paramValue(e.organizer.name), email: e.organizer.email } } : {}),
    status: 'CONFIRMED',
    productId: 'offseason-planner/ics',
    attendees: e.attendees.map((a) => ({
      name: paramValue(a.name),
      email: a.email,
      rsvp: e.organizer !== null && a.partstat === 'NEEDS-ACTION',
      role: 'REQ-PARTICIPANT',
      partstat: a.partstat,
    })),
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw new Error(`Calendar file could not be built: ${error?.message ?? 'unknown error'}`);
  // the library writes floating times: give them the region's zone
  const zoned = value
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]/g, '')
    .replace(/^(DTSTART|DTEND):(\d{8}T\d{6})$/gm, `$1;TZID=${e.timeZone}:$2`)
    .replace(/^BEGIN:VEVENT$/m, `${vtimezone(e.timeZone, Number(e.start.slice(0, 4)), Number(e.end.slice(0, 4)))}\nBEGIN:VEVENT`)
    .replace(/\n/g, '\r\n');
  // without an organiser it is no scheduling message: the library's default METHOD:PUBLISH goes too
  return foldOctets(e.organizer ? zoned : zoned.replace(/^METHOD:.*\r\n/m, ''));
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in `zone` at the instant `t` (ms). */
export function offsetMinutes(zone: string, t: number): number {
  let format = FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    FORMATS.set(zone, format);
  }
  const f = format.formatToParts(new Date(t));
  const get = (type: string) => Number(f.find((p) => p.type === type)!.value);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - t) / 60_000);
}

const offsetText = (m: number) =>
  `${m < 0 ? '-' : '+'}${String(Math.floor(Math.abs(m) / 60)).padStart(2, '0')}${String(Math.abs(m) % 60).padStart(2, '0')}`;
const localStamp = (t: number) => new Date(t).toISOString().slice(0, 19).replace(/[-:]/g, '');

/**
 * The zone's observances for the given years, from the zone data of the JavaScript runtime: the
 * offset at the first instant, then every change (found day by day, then to the minute). Explicit
 * DTSTARTs rather than RRULEs: correct for the years an event covers, whatever the zone's history.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1) - 14 * 3_600_000;
  const end = Date.UTC(toYear + 1, 0, 1) + 14 * 3_600_000;
  const changes: Array<{ at: number; from: number; to: number }> = [];
  let before = offsetMinutes(zone, start);
  for (let day = start; day < end; day += 86_400_000) {
    const next = offsetMinutes(zone, day + 86_400_000);
    if (next === before) continue;
    let lo = day;
    let hi = day + 86_400_000;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, from: before, to: next });
    before = next;
  }
  const all = [offsetMinutes(zone, start), ...changes.map((c) => c.to)];
  const standard = Math.min(...all);
  const first = offsetMinutes(zone, start);
  const observance = (kind: string, dtstart: string, from: number, to: number) =>
    [`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`].join('\n');
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    observance(first > standard ? 'DAYLIGHT' : 'STANDARD', '19700101T000000', first, first),
    // DTSTART of an observance is the local time before the change
    ...changes.map((c) => observance(c.to > standard ? 'DAYLIGHT' : 'STANDARD', localStamp(c.at + c.from * 60_000), c.from, c.to)),
    'END:VTIMEZONE',
  ].join('\n');
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
