import { defineStore } from 'pinia';
import { request } from '../api/graphql';
import {
  AdminCreateCustomerDocument, AdminCustomersDocument, AdminRetireCustomerDocument, AdminUpdateCustomerDocument,
  type AdminCustomerFragment, type CustomerInput,
} from '../gql/graphql';
import { useRecordList } from './busy';

export type AdminCustomer = AdminCustomerFragment;

/** The customers of my plant (PLANT_MANAGER, ADMIN): list, create, change, retire. */
export const useCustomersStore = defineStore('admin-customers', () => {
  const list = useRecordList<AdminCustomer>((a, b) => a.code.localeCompare(b.code));

  const load = (plantId: string) => list.load(async () => (await request(AdminCustomersDocument, { plantId })).customers);

  const save = (plantId: string, input: CustomerInput, existing: AdminCustomer | null) =>
    list.save(existing?.id ?? 'create', async () => existing
      ? (await request(AdminUpdateCustomerDocument, { id: existing.id, input, expectedVersion: existing.version })).updateCustomer
      : (await request(AdminCreateCustomerDocument, { plantId, input })).createCustomer);

  const retire = (c: AdminCustomer) =>
    list.save(c.id, async () => (await request(AdminRetireCustomerDocument, { id: c.id, expectedVersion: c.version })).retireCustomer);

  return { customers: list.items, loading: list.loading, busy: list.busy, error: list.error, load, save, retire };
});
