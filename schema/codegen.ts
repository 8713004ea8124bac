import type { CodegenConfig } from '@graphql-codegen/cli';

// The SDL in this folder is the contract: server resolver types and client typed documents are
// generated from it and never edited by hand. `codegen:check` fails the test run when stale.
// Columns of a packed board are plain JSON arrays.
const columnScalars = { IntColumn: 'number[]', StringColumn: 'string[]' };
const clientScalars = { Date: 'string', DateTime: 'string', Money: 'string', Base64: 'string', ...columnScalars };
// Inside the server money is integer cents; the Money scalar turns it into a decimal string.
const serverScalars = { Date: 'string', DateTime: 'string', Money: 'number', Base64: 'Buffer', ...columnScalars };

// Resolvers receive the server's DTOs (minutes, cents) and field resolvers convert them.
const dto = (module: string, type: string) => `../../server/src/modules/${module}#${type}`;
const mappers = {
  Plant: dto('plant/plant.service.ts', 'PlantDto'),
  WorkCenter: dto('plant/plant.service.ts', 'WorkCenterDto'),
  Board: dto('schedule/board.service.ts', 'BoardDto'),
  Bucket: dto('schedule/board.view.ts', 'BucketDto'),
  PackedBoard: dto('schedule/board.view.ts', 'PackedBoardDto'),
  Order: dto('order/order.dto.ts', 'OrderDto'),
  Job: dto('order/order.dto.ts', 'JobDto'),
  Allocation: dto('order/order.dto.ts', 'AllocationDto'),
  Customer: dto('order/order.dto.ts', 'CustomerDto'),
  Product: dto('product/product.dto.ts', 'ProductDto'),
  ProductOption: dto('product/product.dto.ts', 'ProductOptionDto'),
  RoutingStep: dto('product/product.dto.ts', 'RoutingStepDto'),
  User: dto('auth/auth.service.ts', 'UserRow'),
  Policy: dto('policy/policy.service.ts', 'PolicyDto'),
  ChangeEvaluation: '../../server/src/engine/index.ts#Evaluation',
  CapacityReportRow: dto('report/report.service.ts', 'CapacityReportRow'),
  ChangeOrderReport: dto('report/report.service.ts', 'ChangeOrderReport'),
  ApproverDecisions: dto('report/report.service.ts', 'ApproverDecisionsRow'),
  ChangeOrderOutcomes: dto('report/outcomes.ts', 'ChangeOrderOutcomes'),
  ChangeOrder: dto('change-order/change-order.repository.ts', 'ChangeOrderRow'),
  Dispute: dto('change-order/dispute.ts', 'DisputeDto'),
  DisputeMargin: '../../server/src/engine/index.ts#Impact',
  Approval: dto('change-order/change-order.repository.ts', 'ApprovalRow'),
  CounterProposal: dto('change-order/change-order.repository.ts', 'StoredCounter'),
  ChangeOrderComment: dto('change-order/change-order.repository.ts', 'CommentRow'),
  AuditEvent: dto('audit/audit.queries.ts', 'AuditEventRow'),
  Delegation: dto('delegation/delegation.service.ts', 'DelegationRow'),
  ChangeOrderConnection: dto('change-order/change-order.queries.ts', 'ChangeOrderPage'),
  AuditEventConnection: dto('audit/audit.queries.ts', 'AuditEventPage'),
  Notification: dto('notification/notification.service.ts', 'NotificationRow'),
  NotificationConnection: dto('notification/notification.service.ts', 'NotificationPage'),
  Webhook: dto('webhook/webhook.service.ts', 'WebhookRow'),
  WebhookDelivery: dto('webhook/webhook.service.ts', 'WebhookDeliveryRow'),
  WebhookDeliveryConnection: dto('webhook/webhook.service.ts', 'WebhookDeliveryPage'),
  AccessToken: dto('token/token.service.ts', 'TokenDto'),
  OrderConnection: dto('order/order.service.ts', 'OrderPage'),
  CalendarDay: dto('schedule/plant-calendar.ts', 'CalendarDayDto'),
  WorkCenterDay: dto('schedule/plant-calendar.ts', 'WorkCenterDayDto'),
  CalendarException: dto('masterdata/masterdata.service.ts', 'CalendarExceptionDto'),
  ImportResult: dto('import/import.service.ts', 'ImportOutcome'),
  OrderTerms: '../../server/src/engine/index.ts#OrderTerms',
  PlannedJob: '../../server/src/engine/index.ts#Job',
  Impact: '../../server/src/engine/index.ts#Impact',
  BucketImpact: '../../server/src/engine/index.ts#BucketImpact',
  CostBreakdown: '../../server/src/engine/index.ts#CostBreakdown',
  RequiredApproval: '../../server/src/engine/index.ts#RequiredApproval',
  CtpAlternative: '../../server/src/engine/index.ts#CtpAlternative',
  ScopedRule: '../../server/src/engine/index.ts#ScopedRule',
  RuleScope: '../../server/src/engine/index.ts#RuleScope',
};

const config: CodegenConfig = {
  schema: './*.graphql',
  overwrite: true,
  generates: {
    './generated/server.ts': {
      plugins: [{ add: { content: '/* Generated from schema/*.graphql by GraphQL Code Generator. Do not edit. */' } }, 'typescript', 'typescript-resolvers'],
      config: {
        scalars: serverScalars,
        mappers,
        // Mapper types are imported as <Name>Model so they never clash with the SDL's own type names.
        mapperTypeSuffix: 'Model',
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../../server/src/graphql/context.ts#GraphQLContext',
        useIndexSignature: false,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
    // Every SDL enum as a runtime object (keys = values), the one source of
    // roles, statuses and error codes for the server, the engine and the client (operations never
    // select ErrorCode, so the client preset would not emit it).
    './generated/enums.ts': {
      plugins: [{ add: { content: '/* Generated from schema/*.graphql by GraphQL Code Generator. Do not edit. */' } }, 'typescript'],
      config: { onlyEnums: true, enumsAsConst: true, namingConvention: { enumValues: 'keep' } },
    },
    '../client/src/gql/': {
      documents: ['../client/src/**/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars: clientScalars, useTypeImports: true, enumsAsTypes: true },
    },
  },
};

export default config;
