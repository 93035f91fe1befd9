import { describe, expect, it } from 'vitest';
import { buildIcs, vtimezone } from '../../main/events/ics.js';
import { invitationText } from '../../main/events/invitationText.js';
import { parseWithIcalJs } from '../support/ical.js';

const base = {
  uid: 'event-1@offseason-planner',
  title: 'Sales policy training',
  description: 'Agenda',
  location: 'Riverside Hotel',
  start: '2027-03-02T09:00',
  end: '2027-03-02T17:00',
  timeZone: 'Asia/Shanghai',
  organizer: { name: 'Li Wei', email: 'li.wei@example.com' },
};

describe('invitations as ical.js reads them', () => {
  it('escapes a double quote in a name (RFC 6868) so the file parses and the name comes back whole', () => {
    const text = buildIcs({
      ...base,
      organizer: { name: 'Chen "Boss" Yu', email: 'chen@example.com' },
      attendees: [{ name: 'Pablo "PL" Li (Riverside Bev)', email: 'pablo@example.com', partstat: 'ACCEPTED' }],
    });
    const { vevent } = parseWithIcalJs(text);
    const attendee = vevent.getFirstProperty('attendee')!;
    expect(attendee.getParameter('cn')).toBe('Pablo "PL" Li (Riverside Bev)');
    expect(attendee.getFirstValue()).toBe('mailto:pablo@example.com');
    expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe('Chen "Boss" Yu');
  });

  it('writes each person at their own address with their real answer', () => {
    const text = buildIcs({
      ...base,
      attendees: [
        { name: 'Wang Fang', email: 'wang@example.com', partstat: 'ACCEPTED' },
        { name: 'Olga Petrova', email: 'olga@example.com', partstat: 'DECLINED' },
        { name: 'Ana Ruiz', email: 'ana@example.com', partstat: 'NEEDS-ACTION' },
      ],
    });
    const attendees = parseWithIcalJs(text).vevent.getAllProperties('attendee');
    expect(attendees.map((a) => [a.getFirstValue(), a.getParameter('partstat')])).toEqual([
      ['mailto:wang@example.com', 'ACCEPTED'],
      ['mailto:olga@example.com', 'DECLINED'],
      ['mailto:ana@example.com', 'NEEDS-ACTION'],
    ]);
  });

  it("gives times the region's zone with a VTIMEZONE, across a daylight-saving change", () => {
    const shanghai = parseWithIcalJs(buildIcs({ ...base, attendees: [] }));
    expect(shanghai.event.startDate.zone.tzid).toBe('Asia/Shanghai');
    // 09:00 in Shanghai (UTC+8) is 01:00 UTC
    expect(shanghai.event.startDate.toUnixTime()).toBe(Date.UTC(2027, 2, 2, 1, 0) / 1000);

    // Madrid changes to summer time on 28 March 2027: one event before, one after
    for (const [day, utcHour] of [
      ['2027-03-26', 8],
      ['2027-03-30', 7],
    ] as const) {
      const madrid = parseWithIcalJs(
        buildIcs({ ...base, timeZone: 'Europe/Madrid', start: `${day}T09:00`, end: `${day}T17:00`, attendees: [] }),
      );
      expect(madrid.zone!.getFirstPropertyValue('tzid')).toBe('Europe/Madrid');
      expect(madrid.event.startDate.toUnixTime()).toBe(Date.parse(`${day}T${String(utcHour).padStart(2, '0')}:00:00Z`) / 1000);
    }
  });

  it('describes the zone from the runtime: Madrid has its two changes in the year, Shanghai none', () => {
    const madrid = vtimezone('Europe/Madrid', 2027, 2027);
    expect(madrid).toContain('BEGIN:DAYLIGHT\nDTSTART:20270328T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200');
    expect(madrid).toContain('BEGIN:STANDARD\nDTSTART:20271031T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100');
    expect(vtimezone('Asia/Shanghai', 2027, 2027).match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toEqual(['BEGIN:STANDARD']);
  });
});

describe('the words of an invitation', () => {
  const facts = {
    topic: 'sales_policy',
    trainer: 'Dr. Zhou',
    representativeName: 'Li Wei',
    agenda: [
      { at: '2027-03-02T09:00', label: 'Welcome', discussion: false },
      { at: '2027-03-03T14:00', label: 'Open questions', discussion: true },
    ],
    notes: 'Bring last season’s figures',
    withoutEmail: ['Olga Petrova (Volga Beer)'],
  };

  it('names the topic, dates every agenda item, adds the notes and who had no address, in the user’s language', () => {
    const en = invitationText('en', facts);
    expect(en).toContain('Topic: Sales policy');
    expect(en).not.toContain('sales_policy');
    expect(en).toMatch(/2 Mar 2027,? 09:00 Welcome/);
    expect(en).toMatch(/3 Mar 2027,? 14:00 Open questions \(discussion\)/);
    expect(en).toContain('Notes: Bring last season’s figures');
    expect(en).toContain('Also invited (no e-mail on record): Olga Petrova (Volga Beer)');
    const zh = invitationText('zh', facts);
    expect(zh).toContain('主题: 销售政策');
    expect(zh).toContain('2027年3月2日 09:00 Welcome');
    expect(zh).not.toContain('Topic');
    expect(invitationText('ru', facts)).toContain('Тема: Сбытовая политика');
    expect(invitationText('es', facts)).toContain('Tema: Política comercial');
  });
});
