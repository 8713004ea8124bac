/** A product as the API and the engine see it: integer minutes and integer cents. */
export interface ProductDto {
  id: string;
  sku: string;
  name: string;
  materialCostCents: number;
  listPriceCents: number;
  minLeadTimeDays: number;
  active: boolean;
  version: number;
  routing: RoutingStepDto[];
  options: ProductOptionDto[];
}

export interface ProductOptionDto {
  id: string;
  attribute: string;
  value: string;
  addCostCents: number;
  addMinutesPerUnit: number;
  stepSeq: number | null;
  /** Work center of the routing step `stepSeq` names (null when it names none). */
  stepWorkCenterId: string | null;
  reviewRequired: boolean;
}

export interface RoutingStepDto {
  seq: number;
  workCenterId: string;
  setupMinutes: number;
  minutesPerUnit: number;
}
