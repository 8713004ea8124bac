import { defineStore } from 'pinia';
import { request } from '../api/graphql';
import {
  AdminCreateProductDocument, AdminProductsDocument, AdminRetireProductDocument, AdminUpdateProductDocument,
  type AdminProductFragment, type ProductInput,
} from '../gql/graphql';
import { useRecordList } from './busy';

export type AdminProduct = AdminProductFragment;

/** The products of my plant with their routings and options (PLANT_MANAGER, ADMIN). */
export const useProductsStore = defineStore('admin-products', () => {
  const list = useRecordList<AdminProduct>((a, b) => a.sku.localeCompare(b.sku));

  const load = (plantId: string) => list.load(async () => (await request(AdminProductsDocument, { plantId })).products);

  const save = (plantId: string, input: ProductInput, existing: AdminProduct | null) =>
    list.save(existing?.id ?? 'create', async () => existing
      ? (await request(AdminUpdateProductDocument, { id: existing.id, input, expectedVersion: existing.version })).updateProduct
      : (await request(AdminCreateProductDocument, { plantId, input })).createProduct);

  const retire = (p: AdminProduct) =>
    list.save(p.id, async () => (await request(AdminRetireProductDocument, { id: p.id, expectedVersion: p.version })).retireProduct);

  return { products: list.items, loading: list.loading, busy: list.busy, error: list.error, load, save, retire };
});
