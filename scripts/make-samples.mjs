// Writes resources/samples/*: sample spreadsheets in the encodings and layouts real offices use.
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';

const dir = new URL('../resources/samples/', import.meta.url);
const write = (name, data) => writeFileSync(new URL(name, dir), data);

write('regions.csv', 'code,name,peak months\nNORTH,North Region,5-9\nSOUTH,South Region,"4,5,6,7,8,9,10"\n');
write('areas.csv', 'code,name,region\nN-01,Riverside,NORTH\nN-02,Lakeview,NORTH\nS-01,Bayside,SOUTH\n');
write(
  'distributors-en.csv',
  [
    'code,name,area,address,lead time,warehouse capacity,relationship level,status,start date',
    'D001,Riverside Beverage Co.,N-01,12 Harbour Road,7,24000,3,active,2015-04-01',
    'D002,Lakeview Drinks Supply,N-02,88 Station Road,5,12000,2,active,2019-09-15',
    'D003,Bayside Trading,S-01,5 Market Road,10,18000,1,on hold,2021-03-01',
  ].join('\n') + '\n',
);
write(
  'distributors-ru-cp1251.csv',
  iconv.encode(
    [
      'Код;Название;Район;Адрес;Срок поставки;Вместимость склада;Уровень отношений;Статус;Дата начала',
      'D004;Северный Опт;N-01;ул. Ленина 5;7;15 000;2;активный;01.03.2018',
      'D005;Волга Трейд;N-02;пр. Мира 12;14;9 500;1;активный;15.06.2020',
    ].join('\r\n') + '\r\n',
    'win1251',
  ),
);
write(
  'sub-dealers-zh-gb18030.csv',
  iconv.encode(
    [
      '编码,名称,经销商,区域,地址,状态,竞品品牌',
      'S001,王记批发,D001,N-01,河滨路12号,合作中,',
      'S002,李氏酒水,D002,N-02,车站路8号,潜在,Golden Peak',
    ].join('\r\n') + '\r\n',
    'gb18030',
  ),
);
write(
  'terminals-es.csv',
  Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(
      [
        'código\tnombre\tcanal\tsubdistribuidor\tdistribuidor\tárea\testado\tlatitud\tlongitud',
        'T001\tBar El Puerto\tbar\tS001\t\tN-01\tactivo\t45.81\t126.53',
        'T002\tSupermercado Central\tsupermercado\t\tD002\tN-02\tactivo\t45.77\t126.61',
        'T003\tQuiosco Estación\tquiosco\tS002\t\tN-02\tprospecto\t45.75\t126.64',
      ].join('\n') + '\n',
    ),
  ]),
);
const wb = new ExcelJS.Workbook();
const sheet = wb.addWorksheet('Products');
sheet.addRow(['SKU', 'Name', 'Brand', 'Pack', 'Size ml', 'Units per case', 'Status', 'Launch date']);
sheet.addRow(['NS-330B', 'Northstar 330 ml bottle', 'Northstar', 'bottle', 330, 24, 'active', new Date('2018-03-01')]);
sheet.addRow(['NS-500C', 'Northstar 500 ml can', 'Northstar', 'can', 500, 24, 'active', new Date('2019-05-01')]);
sheet.addRow(['HW-500B', 'Highland Wheat 500 ml bottle', 'Highland Wheat', 'bottle', 500, 12, 'new', new Date('2026-04-01')]);
write('products.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
console.log('samples written');
