import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Page } from '../../shared/contract/fields.js';
import type { MethodInput, MethodName, MethodResult } from '../../shared/contract/index.js';
import { api, type ApiCallError } from '../api/client.js';
import { queryKey } from '../api/hooks.js';

const PAGE_SIZE = 200;

type PagedMethod = { [K in MethodName]: MethodResult<K> extends Page<unknown> ? K : never }[MethodName];
type RowOf<K extends PagedMethod> = MethodResult<K> extends Page<infer R> ? R : never;

/**
 * Fetches only the pages of a long list that are on screen, so jumping to the end of 120,000
 * terminals loads one page, not six hundred.
 */
export function usePagedList<K extends PagedMethod>(method: K, input: Omit<MethodInput<K>, 'offset' | 'limit'>) {
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const firstPage = Math.floor(range[0] / PAGE_SIZE);
  const lastPage = Math.floor(range[1] / PAGE_SIZE);
  const pages = useMemo(() => {
    const list: number[] = [];
    for (let p = firstPage; p <= lastPage; p++) list.push(p);
    return list;
  }, [firstPage, lastPage]);
  const results = useQueries({
    queries: pages.map((p) => {
      const pageInput = { ...input, offset: p * PAGE_SIZE, limit: PAGE_SIZE } as MethodInput<K>;
      return {
        queryKey: queryKey(method, pageInput),
        queryFn: () => api.call(method, pageInput) as Promise<Page<RowOf<K>>>,
        placeholderData: p === firstPage ? keepPreviousData : undefined,
      };
    }),
  });
  const byPage = useMemo(() => {
    const loaded = new Map<number, Page<RowOf<K>>>();
    results.forEach((r, i) => {
      if (r.data) loaded.set(pages[i]!, r.data);
    });
    return loaded;
  }, [results, pages]);
  const total = results.find((r) => r.data)?.data?.total ?? 0;
  const getRow = useCallback((index: number) => byPage.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE], [byPage]);
  const onVisibleRangeChange = useCallback((start: number, end: number) => {
    setRange((prev) => (prev[0] === start && prev[1] === end ? prev : [start, end]));
  }, []);
  return {
    total,
    getRow,
    onVisibleRangeChange,
    isLoading: results.some((r) => r.isLoading) && total === 0,
    error: (results.find((r) => r.error)?.error ?? null) as ApiCallError | null,
  };
}
