import { readFileSync } from 'node:fs';
import { parseWithIcalJs } from '../support/ical.js';
import { expect, test } from './fixtures.js';

test.use({ seed: 'S' });
test.setTimeout(120_000);

test('a manager plans a training and a trip, sees a double-booking, records attendance, follows up and exports an invitation', async ({
  app,
}) => {
  await app.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Training & trips' }).click();
  // yesterday's training: attendance can be recorded only once an event has started
  const next = new Date();
  next.setDate(next.getDate() - 1);
  const day = next.toISOString().slice(0, 10);

  await app.getByRole('button', { name: 'New training…' }).click();
  let dialog = app.getByRole('dialog', { name: 'New training' });
  await dialog.getByLabel('Title').fill('Peak pricing workshop (test)');
  await dialog.getByLabel('Trainer', { exact: true }).fill('Dr. Chen');
  await dialog.getByLabel('Starts').fill(`${day}T09:00`);
  await dialog.getByLabel('Ends').fill(`${day}T17:00`);
  await dialog.getByLabel('Places').fill('20');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  let panel = app.getByRole('region', { name: 'Event Peak pricing workshop (test)' });
  await panel.getByRole('button', { name: 'Invite distributors…' }).click();
  let invite = app.getByRole('dialog', { name: 'Invite distributors' });
  let boxes = invite.getByRole('table', { name: 'Distributors to invite' }).getByRole('checkbox');
  await boxes.nth(1).check();
  await boxes.nth(2).check();
  await invite.getByRole('button', { name: 'Invite 2' }).click();
  await expect(invite).toBeHidden();
  await expect(panel.getByRole('table', { name: 'Attendance list' }).getByRole('row')).toHaveCount(3);
  const first = (await panel
    .getByRole('table', { name: 'Attendance list' })
    .getByRole('row')
    .nth(1)
    .getByRole('cell')
    .first()
    .evaluate((el) => el.childNodes[0]!.textContent ?? ''))!.trim();

  await app.getByRole('button', { name: 'New trip…' }).click();
  dialog = app.getByRole('dialog', { name: 'New trip' });
  await dialog.getByLabel('Title').fill('Harbour brewery tour (test)');
  await dialog.getByLabel('Starts').fill(`${day}T14:00`);
  await dialog.getByLabel('Ends').fill(`${day}T20:00`);
  await dialog.getByLabel('Destination').fill('Harbin brewery');
  const leading = dialog.getByLabel('Company representative leading the group');
  await leading.selectOption({ index: 1 });
  // the option names the person (with their place only when two share a name)
  const leader = (
    await leading.evaluate(
      (el) => (el as unknown as { selectedOptions: Array<{ textContent: string | null }> }).selectedOptions[0]!.textContent ?? '',
    )
  ).replace(/ \(.*\)$/, '');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // the same leader on a second trip at the same time: the save shows the conflict and asks
  await app.getByRole('button', { name: 'New trip…' }).click();
  dialog = app.getByRole('dialog', { name: 'New trip' });
  await dialog.getByLabel('Title').fill('Port visit (test)');
  await dialog.getByLabel('Starts').fill(`${day}T15:00`);
  await dialog.getByLabel('Ends').fill(`${day}T18:00`);
  await dialog.getByLabel('Company representative leading the group').selectOption({ index: 1 });
  await dialog.getByRole('button', { name: 'Save' }).click();
  const ask = app.getByRole('dialog', { name: 'Save despite these conflicts?' });
  await expect(ask.getByRole('list', { name: 'Conflicts' })).toContainText(
    `${leader} is also needed at “Harbour brewery tour (test)” at the same time`,
  );
  await ask.getByRole('button', { name: 'Save anyway' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('region', { name: 'Event Port visit (test)' }).getByRole('alert', { name: 'Conflicts' })).toContainText(
    `${leader} is also needed at “Harbour brewery tour (test)” at the same time`,
  );
  await app.getByRole('tab', { name: 'List' }).click();
  await app.getByRole('button', { name: 'Harbour brewery tour (test)' }).click();
  panel = app.getByRole('region', { name: 'Event Harbour brewery tour (test)' });
  await panel.getByRole('button', { name: 'Invite distributors…' }).click();
  invite = app.getByRole('dialog', { name: 'Invite distributors' });
  boxes = invite.getByRole('table', { name: 'Distributors to invite' }).getByRole('checkbox');
  await boxes.nth(1).check();
  await invite.getByRole('button', { name: 'Invite 1' }).click();
  await expect(invite).toBeHidden();
  // the same distributor at both events at the same time is flagged before invitations go out
  await expect(panel.getByRole('alert', { name: 'Conflicts' })).toContainText(
    'is also invited to “Peak pricing workshop (test)” at the same time',
  );

  // a suggestion collected on the trip becomes an item someone owns, then closed
  await panel.getByLabel('What they said').fill('Offer 20 L kegs for small bars');
  await panel.getByRole('button', { name: 'Add item' }).click();
  await expect(panel.getByText('Offer 20 L kegs for small bars')).toBeVisible();

  // attendance and feedback for the training
  await app.getByRole('tab', { name: 'List' }).click();
  await app.getByRole('button', { name: 'Peak pricing workshop (test)' }).click();
  panel = app.getByRole('region', { name: 'Event Peak pricing workshop (test)' });
  await panel.getByLabel(`Answer of ${first}`).selectOption('accepted');
  await panel.getByLabel(`${first} came`).click();
  await expect(panel.getByLabel(`${first} came`)).toBeChecked();
  await panel.getByLabel(`Feedback score of ${first}`).selectOption('5');
  await expect(panel.getByText('feedback 5.0 / 5')).toBeVisible();

  // a cost line is removed only once the coordinator confirms it
  await panel.getByLabel('Add', { exact: true }).selectOption('cost');
  await panel.getByLabel('Description').fill('Venue hire (test)');
  await panel.getByLabel('Amount').fill('3000');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(panel.getByText('Venue hire (test)')).toBeVisible();
  await panel.getByRole('button', { name: 'Remove Venue hire (test)' }).click();
  const removeLine = app.getByRole('dialog', { name: 'Remove “Venue hire (test)”?' });
  await removeLine.getByRole('button', { name: 'Cancel' }).click();
  await expect(removeLine).toBeHidden();
  await expect(panel.getByText('Venue hire (test)')).toBeVisible();
  await panel.getByRole('button', { name: 'Remove Venue hire (test)' }).click();
  await removeLine.getByRole('button', { name: 'Remove' }).click();
  await expect(removeLine).toBeHidden();
  await expect(panel.getByText('Venue hire (test)')).toHaveCount(0);

  const download = app.waitForEvent('download');
  await panel.getByRole('button', { name: 'Invitation (.ics)' }).click();
  const file = await (await download).path();
  const ics = readFileSync(file!, 'utf8');
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics.replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Training: Peak pricing workshop (test)');
  // the demo's regions name no zone: China Standard Time, with its VTIMEZONE
  expect(ics).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T090000/);
  const parsed = parseWithIcalJs(ics);
  expect(parsed.event.summary).toBe('Training: Peak pricing workshop (test)');
  expect(parsed.zone!.getFirstPropertyValue('tzid')).toBe('Asia/Shanghai');
  expect(parsed.event.description).toContain('Trainer: Dr. Chen');

  await app.getByRole('tab', { name: 'Follow-up items' }).click();
  const items = app.getByRole('table', { name: 'Follow-up items from all events' });
  await items.getByRole('button', { name: /Update the item “Offer 20 L kegs/ }).click();
  const update = app.getByRole('dialog', { name: 'Update follow-up item' });
  await update.getByRole('button', { name: 'Save' }).click();
  await expect(update.getByText('Say how it was resolved')).toBeVisible();
  await update.getByLabel('Resolution').fill('Product team pilots 20 L kegs in March');
  await update.getByRole('button', { name: 'Save' }).click();
  await expect(update).toBeHidden();
  await expect(items.getByText('Offer 20 L kegs for small bars')).toHaveCount(0);
});
