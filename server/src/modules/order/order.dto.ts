import type { JobStatus, OrderStatus } from '../../../../schema/generated/enums.ts';
import type { ProductDto } from '../product/product.dto.ts';

export interface CustomerDto {
  id: string;
  code: string;
  name: string;
  tier: 'STRATEGIC' | 'STANDARD';
  contact: string;
  active: boolean;
  version: number;
}

export interface OrderDto {
  id: string;
  plantId: string;
  number: string;
  customer: CustomerDto;
  productId: string;
  product: ProductDto;
  quantity: number;
  optionIds: string[];
  dueDate: string;
  unitPriceCents: number;
  status: OrderStatus;
  version: number;
  /** The planned finish when its terms were last agreed (docs/product.md §12). */
  baselineFinish: string | null;
  /** The last day its work is placed on now. */
  projectedFinish: string | null;
  atRisk: boolean;
  riskCause: string | null;
}

export interface JobDto {
  id: string;
  orderId: string;
  seq: number;
  workCenterId: string;
  start: string;
  end: string;
  minutes: number;
  status: JobStatus;
  version: number;
  completedQuantity: number;
  scrapQuantity: number;
  actualMinutes: number;
  paused: boolean;
}

export interface AllocationDto {
  jobId: string;
  date: string;
  minutes: number;
}
