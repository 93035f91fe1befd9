import { readFileSync } from 'node:fs';
import { api, expect, test } from './fixtures.js';

const samplePath = (name: string) => new URL(`../../resources/samples/${name}`, import.meta.url).pathname;

test('under 中文, distributors exported with Chinese titles and values import back as unchanged, every row', async ({
  app,
  server,
}, testInfo) => {
  for (const [entity, file] of [
    ['regions', 'regions.csv'],
    ['areas', 'areas.csv'],
    ['distributors', 'distributors-en.csv'],
  ] as const) {
    const preview = await api(server, 'import.preview', {
      entity,
      fileName: file,
      contentBase64: readFileSync(samplePath(file)).toString('base64'),
    });
    await api(server, 'import.commit', { importId: preview.importId, mapping: preview.suggestedMapping, mode: 'all' });
  }
  const count = (await api(server, 'distributor.list', {})).rows.length;

  await app.getByLabel('Language').selectOption('zh');
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '经销商' }).click();
  const downloading = app.waitForEvent('download');
  await app.getByRole('button', { name: '将经销商导出为 CSV' }).click();
  const download = await downloading;
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const csv = readFileSync(path, 'utf8');
  // Column titles and values in Chinese: 交货周期 / 合作中, not leadTimeDays / active.
  expect(csv).toContain('合作中');
  expect(csv).toContain('暂停');
  expect(csv).not.toMatch(/,active,|,on_hold,/);

  await app.getByRole('button', { name: '导入经销商…' }).click();
  const dialog = app.getByRole('dialog', { name: '导入经销商' });
  await dialog.getByLabel('表格文件（CSV 或 Excel）').setInputFiles(path);
  await dialog.getByRole('button', { name: '检查数据' }).click();
  await expect(dialog.getByText(`共 ${count} 行：新增 0，更新 0，无变化 ${count}，拒绝 0。`)).toBeVisible();
  await expect(dialog.getByText('没有需要导入的内容：所有被接受的行都已按原样存在于规划器中。')).toBeVisible();
  await testInfo.attach('round-trip-zh', { body: await app.screenshot({ fullPage: true }), contentType: 'image/png' });
});
