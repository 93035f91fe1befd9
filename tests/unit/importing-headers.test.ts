import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../main/importing/entities.js';
import { suggestMapping } from '../../main/importing/fields.js';
import { IMPORT_ENTITIES, type ImportEntity } from '../../shared/domain/importing.js';
import { LANGUAGES, localeResources } from '../support/locales.js';

const resources = localeResources();

/** Maps a header row and returns, per field, the header it was matched with. */
function mapped(entity: ImportEntity, headers: string[]): Record<string, string | null> {
  const mapping = suggestMapping(ENTITIES[entity].fields, headers);
  return Object.fromEntries(Object.entries(mapping).map(([k, i]) => [k, i === null ? null : headers[i]!]));
}

/** Headers as offices in each language title their distributor sheets, with the variants the issue met. */
const DISTRIBUTOR_HEADERS: Record<(typeof LANGUAGES)[number], string[][]> = {
  en: [['Code', 'Name', 'Area', 'Address', 'Salesperson', 'Lead time', 'Warehouse capacity', 'Relationship level', 'Status', 'Start date']],
  zh: [
    ['编码', '名称', '区域', '地址', '业务员', '交货期', '仓库容量', '关系级别', '状态', '开始日期'],
    ['经销商编码', '经销商名称', '片区', '地址', '负责业务员', '提前期', '库容', '关系等级', '状态', '合作开始日期'],
  ],
  es: [
    [
      'Código',
      'Nombre',
      'Zona',
      'Dirección',
      'Vendedor',
      'Plazo de entrega',
      'Capacidad de almacén',
      'Nivel de relación',
      'Estado',
      'Fecha de inicio',
    ],
  ],
  ru: [
    [
      'Код',
      'Название',
      'Район',
      'Адрес',
      'Торговый представитель',
      'Срок поставки',
      'Вместимость склада',
      'Уровень отношений',
      'Статус',
      'Дата начала',
    ],
  ],
};

describe('header synonyms in four languages', () => {
  for (const language of LANGUAGES) {
    it(`maps real ${language} distributor headers to every field`, () => {
      for (const headers of DISTRIBUTOR_HEADERS[language]) {
        const result = mapped('distributors', headers);
        expect(
          Object.values(result).filter((h) => h === null),
          headers.join(','),
        ).toEqual([]);
        expect(result.leadTimeDays).toBe(headers[5]);
        expect(result.warehouseCapacityCases).toBe(headers[6]);
        expect(result.relationshipLevel).toBe(headers[7]);
      }
    });

    it(`maps the ${language} column titles of exports and templates back to their fields, for every entity`, () => {
      const labels = (resources[language].importing as { field: Record<string, Record<string, string>> }).field;
      for (const entity of IMPORT_ENTITIES) {
        const keys = ENTITIES[entity].fields.map((f) => f.key);
        const headers = keys.map((k) => labels[entity]![k]!);
        const result = mapped(entity, headers);
        expect(result, `${language} ${entity}`).toEqual(Object.fromEntries(keys.map((k, i) => [k, headers[i]])));
      }
    });
  }
});
