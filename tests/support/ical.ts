import ICAL from 'ical.js';

/**
 * Parses a calendar file with ical.js, a standard parser that rejects what RFC 5545 forbids (every
 * exported invitation goes through it in the tests), and returns its time zone and event.
 */
export function parseWithIcalJs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, zone, vevent, event: new ICAL.Event(vevent) };
}
