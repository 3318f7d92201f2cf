import { useState } from 'react';
import type { SortOrder } from '../api/types';

export interface TableState {
  sort: string;
  order: SortOrder;
  page: number;
  pageSize: number;
  offset: number;
  setPage: (page: number) => void;
  setPageSize: (size: number) => void;
  toggleSort: (field: string) => void;
  resetPage: () => void;
}

export function useTableState(initialSort: string, initialOrder: SortOrder = 'asc', initialSize = 25): TableState {
  const [sort, setSort] = useState(initialSort);
  const [order, setOrder] = useState<SortOrder>(initialOrder);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSizeState] = useState(initialSize);
  return {
    sort,
    order,
    page,
    pageSize,
    offset: (page - 1) * pageSize,
    setPage,
    setPageSize: (size) => {
      setPageSizeState(size);
      setPage(1);
    },
    toggleSort: (field) => {
      if (field === sort) setOrder(order === 'asc' ? 'desc' : 'asc');
      else {
        setSort(field);
        setOrder('asc');
      }
      setPage(1);
    },
    resetPage: () => setPage(1),
  };
}
