import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../ui/format.js';
import type { Product } from '../../shared/contract/network.js';
import { PRODUCT_STATUSES } from '../../shared/domain/network.js';
import { useProductList } from './queries.js';
import { useCreateProduct, useDeleteProduct, useUpdateProduct } from './mutations.js';
import { FilterSelect } from '../ui/Fields.js';
import { Badge } from '../ui/Page.js';
import { formatDate } from '../ui/format.js';
import { productDraftOf, productFields, productInitial } from './forms.js';
import { RecordsPage } from './RecordsPage.js';
import { ProductArchiveNotice } from './ArchiveImpact.js';
import { SearchBox } from './SearchBox.js';

const STATUS_TONE = { new: 'blue', active: 'green', phase_out: 'amber' } as const;

export function ProductsPage() {
  const { t } = useTranslation(['network', 'common']);
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const products = useProductList(search, status);
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const remove = useDeleteProduct();
  return (
    <RecordsPage<Product>
      title={t('products')}
      subtitle={t('productsSubtitle')}
      entity="products"
      rows={products.data}
      error={products.error}
      newLabel={t('addProduct')}
      toolbar={
        <>
          <SearchBox label={t('searchProducts')} value={search} onChange={setSearch} />
          <FilterSelect
            label={t('field.status')}
            value={status}
            onChange={setStatus}
            options={PRODUCT_STATUSES.map((s) => ({ value: s, label: t(`productStatus.${s}`) }))}
            allLabel={t('all', { ns: 'common' })}
          />
          <span className="count">
            {t('countOf', { count: products.data?.length ?? 0, n: formatNumber(products.data?.length ?? 0), ns: 'common' })}
          </span>
        </>
      }
      columns={[
        { id: 'sku', header: t('field.sku'), width: '150px', render: (p) => p.sku },
        { id: 'name', header: t('field.name'), width: 'minmax(220px, 2fr)', render: (p) => <strong>{p.name}</strong> },
        { id: 'brand', header: t('field.brand'), width: 'minmax(120px, 1fr)', render: (p) => p.brand },
        { id: 'pack', header: t('field.pack'), width: '90px', render: (p) => t(`pack.${p.pack}`) },
        { id: 'size', header: t('field.sizeMl'), width: '90px', align: 'right', render: (p) => `${p.sizeMl} ml` },
        { id: 'units', header: t('field.unitsPerCase'), width: '110px', align: 'right', render: (p) => p.unitsPerCase },
        {
          id: 'status',
          header: t('field.status'),
          width: '110px',
          render: (p) => <Badge tone={STATUS_TONE[p.status]}>{t(`productStatus.${p.status}`)}</Badge>,
        },
        { id: 'launch', header: t('field.launchDate'), width: '120px', align: 'right', render: (p) => formatDate(p.launchDate) },
      ]}
      fields={productFields(t)}
      initial={productInitial}
      nameOf={(p) => p.name}
      save={(v, row) =>
        row ? update.mutateAsync({ id: row.id, draft: productDraftOf(v) }) : create.mutateAsync({ draft: productDraftOf(v) })
      }
      remove={(p) => remove.mutateAsync({ id: p.id })}
      deleteText={(p) => t('deleteProductText', { name: p.name })}
      deleteNotice={(p) => <ProductArchiveNotice id={p.id} />}
    />
  );
}
