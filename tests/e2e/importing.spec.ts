import { readFileSync } from 'node:fs';
import { adminSession, expect, test, type PlannerServer } from './fixtures.js';

const samplePath = (name: string) => new URL(`../../resources/samples/${name}`, import.meta.url).pathname;

/** Test setup only: the same contract the screens use, with the run's token. */
async function api<T>(server: PlannerServer, method: string, input: unknown): Promise<T> {
  const r = await fetch(`${server.origin}/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-planner-token': server.token, 'x-planner-session': await adminSession(server) },
    body: JSON.stringify(input),
  });
  const body = (await r.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

async function importSample(server: PlannerServer, entity: string, file: string): Promise<void> {
  const preview = await api<{ importId: string; suggestedMapping: Record<string, number | null> }>(server, 'import.preview', {
    entity,
    fileName: file,
    contentBase64: readFileSync(samplePath(file)).toString('base64'),
  });
  await api(server, 'import.commit', { importId: preview.importId, mapping: preview.suggestedMapping, mode: 'all' });
}

test('under 中文, a GBK file is read, every row is explained in Chinese, and an existing distributor changes only by choice', async ({
  app,
  server,
}, testInfo) => {
  for (const [entity, file] of [
    ['regions', 'regions.csv'],
    ['areas', 'areas.csv'],
    ['distributors', 'distributors-en.csv'],
  ] as const)
    await importSample(server, entity, file);

  await app.getByLabel('Language').selectOption('zh');
  await app.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '经销商' }).click();
  await app.getByRole('button', { name: '导入经销商…' }).click();
  const dialog = app.getByRole('dialog', { name: '导入经销商' });
  await dialog.getByLabel('表格文件（CSV 或 Excel）').setInputFiles(samplePath('distributors-zh-gbk-duplicate.csv'));
  // The guessed encoding is shown and can be changed; the first rows read in Chinese.
  await expect(dialog.getByLabel('文字编码')).toHaveValue('gb18030');
  await expect(dialog.getByRole('table', { name: '文件前几行' })).toContainText('河滨啤酒贸易');
  // 交货期 and 关系级别 are mapped by themselves.
  await expect(dialog.getByLabel('到货周期（天）')).toHaveValue('4');
  await expect(dialog.getByLabel('关系层级')).toHaveValue('6');
  await dialog.getByRole('button', { name: '检查数据' }).click();

  await expect(dialog.getByText('共 3 行：新增 1，更新 1，无变化 0，拒绝 1。')).toBeVisible();
  const problems = dialog.getByRole('table', { name: '发现的问题' });
  await expect(problems.getByRole('row', { name: /4 编码 D006 编码：与文件第 3 行是同一条记录/ })).toBeVisible();
  const plan = dialog.getByRole('table', { name: '每一行将如何处理' });
  const update = plan.getByRole('row', { name: /D001/ });
  await expect(update).toContainText('更新');
  await expect(update).toContainText('仓库容量：24000 → 1000');
  await expect(update).toContainText('区域：N-01 → S-01');
  await expect(update).toContainText('将其移到另一个大区');
  await expect(plan.getByRole('row', { name: /D006/ })).toContainText('新增');

  // Nothing can be written before the user says what happens to existing records.
  const partial = dialog.getByRole('button', { name: '只导入被接受的 1 行…' });
  await expect(partial).toBeDisabled();
  await dialog.getByRole('radio', { name: '新增记录并更新已有记录' }).check();
  await expect(dialog.getByRole('group', { name: '涉及已签核或被引用数据的更新（1）' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '只导入被接受的 2 行…' })).toBeDisabled();
  await testInfo.attach('import-report-zh', { body: await app.screenshot({ fullPage: true }), contentType: 'image/png' });

  await dialog.getByRole('radio', { name: '只新增记录；已有记录保持不变' }).check();
  await dialog.getByRole('button', { name: '只导入被接受的 1 行…' }).click();
  await dialog.getByRole('alertdialog', { name: '只导入被接受的行' }).getByRole('button', { name: '导入 1 行' }).click();
  await expect(dialog.getByText('已导入：新增 1，更新 0，无变化 0，跳过 2。')).toBeVisible();

  const rows = await api<{ rows: Array<{ code: string; name: string }> }>(server, 'distributor.list', {});
  expect(rows.rows.find((r) => r.code === 'D001')?.name).toBe('Riverside Beverage Co.');
  expect(rows.rows.find((r) => r.code === 'D006')?.name).toBe('松江酒水');
});
