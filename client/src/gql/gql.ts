/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment SessionUser on User {\n  id\n  email\n  name\n  role\n  plantId\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n  plants {\n    id\n    name\n    timeZone\n    today\n  }\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}": typeof types.SessionUserFragmentDoc,
    "query Board($plantId: ID!, $from: Date!, $to: Date!) {\n  board(plantId: $plantId, from: $from, to: $to) {\n    from\n    to\n    lastEventSeq\n    plant {\n      id\n      name\n      today\n    }\n    workCenters {\n      id\n      code\n      name\n    }\n    buckets {\n      workCenterId\n      date\n      capacityHours\n      overtimeHours\n      loadHours\n      utilization\n    }\n    jobs {\n      id\n      orderId\n      seq\n      workCenterId\n      start\n      end\n      hours\n      status\n    }\n    orders {\n      id\n      number\n      quantity\n      dueDate\n      status\n      customer {\n        id\n        name\n      }\n      product {\n        id\n        sku\n        name\n      }\n    }\n  }\n}": typeof types.BoardDocument,
    "subscription BoardEvents($plantId: ID!, $since: Int) {\n  boardEvents(plantId: $plantId, since: $since) {\n    seq\n    type\n    at\n    plantId\n    changeOrderId\n    orderId\n    orderIds\n    removedJobIds\n    jobs {\n      id\n      orderId\n      seq\n      workCenterId\n      start\n      end\n      hours\n      status\n      allocations {\n        date\n        hours\n      }\n    }\n    buckets {\n      workCenterId\n      date\n      capacityHours\n      overtimeHours\n      loadHours\n      utilization\n    }\n    status\n    version\n    policyVersion\n    reason\n  }\n}\n\nsubscription Presence($plantId: ID!) {\n  presence(plantId: $plantId) {\n    plantId\n    users {\n      userId\n      name\n      role\n      since\n      viewing {\n        kind\n        id\n      }\n    }\n  }\n}\n\nmutation UpdatePresence($plantId: ID!, $viewing: PresenceViewingInput!) {\n  updatePresence(plantId: $plantId, viewing: $viewing)\n}\n\nmutation SetPresenceVisibility($visible: Boolean!) {\n  setPresenceVisibility(visible: $visible)\n}": typeof types.BoardEventsDocument,
};
const documents: Documents = {
    "fragment SessionUser on User {\n  id\n  email\n  name\n  role\n  plantId\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n  plants {\n    id\n    name\n    timeZone\n    today\n  }\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}": types.SessionUserFragmentDoc,
    "query Board($plantId: ID!, $from: Date!, $to: Date!) {\n  board(plantId: $plantId, from: $from, to: $to) {\n    from\n    to\n    lastEventSeq\n    plant {\n      id\n      name\n      today\n    }\n    workCenters {\n      id\n      code\n      name\n    }\n    buckets {\n      workCenterId\n      date\n      capacityHours\n      overtimeHours\n      loadHours\n      utilization\n    }\n    jobs {\n      id\n      orderId\n      seq\n      workCenterId\n      start\n      end\n      hours\n      status\n    }\n    orders {\n      id\n      number\n      quantity\n      dueDate\n      status\n      customer {\n        id\n        name\n      }\n      product {\n        id\n        sku\n        name\n      }\n    }\n  }\n}": types.BoardDocument,
    "subscription BoardEvents($plantId: ID!, $since: Int) {\n  boardEvents(plantId: $plantId, since: $since) {\n    seq\n    type\n    at\n    plantId\n    changeOrderId\n    orderId\n    orderIds\n    removedJobIds\n    jobs {\n      id\n      orderId\n      seq\n      workCenterId\n      start\n      end\n      hours\n      status\n      allocations {\n        date\n        hours\n      }\n    }\n    buckets {\n      workCenterId\n      date\n      capacityHours\n      overtimeHours\n      loadHours\n      utilization\n    }\n    status\n    version\n    policyVersion\n    reason\n  }\n}\n\nsubscription Presence($plantId: ID!) {\n  presence(plantId: $plantId) {\n    plantId\n    users {\n      userId\n      name\n      role\n      since\n      viewing {\n        kind\n        id\n      }\n    }\n  }\n}\n\nmutation UpdatePresence($plantId: ID!, $viewing: PresenceViewingInput!) {\n  updatePresence(plantId: $plantId, viewing: $viewing)\n}\n\nmutation SetPresenceVisibility($visible: Boolean!) {\n  setPresenceVisibility(visible: $visible)\n}": types.BoardEventsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on User {\n  id\n  email\n  name\n  role\n  plantId\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n  plants {\n    id\n    name\n    timeZone\n    today\n  }\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}"): (typeof documents)["fragment SessionUser on User {\n  id\n  email\n  name\n  role\n  plantId\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n  plants {\n    id\n    name\n    timeZone\n    today\n  }\n}\n\nmutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Board($plantId: ID!, $from: Date!, $to: Date!) {\n  board(plantId: $plantId, from: $from, to: $to) {\n    from\n    to\n    lastEventSeq\n    plant {\n      id\n      name\n      today\n    }\n    workCenters {\n      id\n      code\n      name\n    }\n    buckets {\n      workCenterId\n      date\n      capacityHours\n      overtimeHours\n      loadHours\n      utilization\n    }\n    jobs {\n      id\n      orderId\n      seq\n      workCenterId\n      start\n      end\n      hours\n      status\n    }\n    orders {\n      id\n      number\n      quantity\n      dueDate\n      status\n      customer {\n        id\n        name\n      }\n      product {\n        id\n        sku\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query Board($plantId: ID!, $from: Date!, $to: Date!) {\n  board(plantId: $plantId, from: $from, to: $to) {\n    from\n    to\n    lastEventSeq\n    plant {\n      id\n      name\n      today\n    }\n    workCenters {\n      id\n      code\n      name\n    }\n    buckets {\n      workCenterId\n      date\n      capacityHours\n      overtimeHours\n      loadHours\n      utilization\n    }\n    jobs {\n      id\n      orderId\n      seq\n      workCenterId\n      start\n      end\n      hours\n      status\n    }\n    orders {\n      id\n      number\n      quantity\n      dueDate\n      status\n      customer {\n        id\n        name\n      }\n      product {\n        id\n        sku\n        name\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription BoardEvents($plantId: ID!, $since: Int) {\n  boardEvents(plantId: $plantId, since: $since) {\n    seq\n    type\n    at\n    plantId\n    changeOrderId\n    orderId\n    orderIds\n    removedJobIds\n    jobs {\n      id\n      orderId\n      seq\n      workCenterId\n      start\n      end\n      hours\n      status\n      allocations {\n        date\n        hours\n      }\n    }\n    buckets {\n      workCenterId\n      date\n      capacityHours\n      overtimeHours\n      loadHours\n      utilization\n    }\n    status\n    version\n    policyVersion\n    reason\n  }\n}\n\nsubscription Presence($plantId: ID!) {\n  presence(plantId: $plantId) {\n    plantId\n    users {\n      userId\n      name\n      role\n      since\n      viewing {\n        kind\n        id\n      }\n    }\n  }\n}\n\nmutation UpdatePresence($plantId: ID!, $viewing: PresenceViewingInput!) {\n  updatePresence(plantId: $plantId, viewing: $viewing)\n}\n\nmutation SetPresenceVisibility($visible: Boolean!) {\n  setPresenceVisibility(visible: $visible)\n}"): (typeof documents)["subscription BoardEvents($plantId: ID!, $since: Int) {\n  boardEvents(plantId: $plantId, since: $since) {\n    seq\n    type\n    at\n    plantId\n    changeOrderId\n    orderId\n    orderIds\n    removedJobIds\n    jobs {\n      id\n      orderId\n      seq\n      workCenterId\n      start\n      end\n      hours\n      status\n      allocations {\n        date\n        hours\n      }\n    }\n    buckets {\n      workCenterId\n      date\n      capacityHours\n      overtimeHours\n      loadHours\n      utilization\n    }\n    status\n    version\n    policyVersion\n    reason\n  }\n}\n\nsubscription Presence($plantId: ID!) {\n  presence(plantId: $plantId) {\n    plantId\n    users {\n      userId\n      name\n      role\n      since\n      viewing {\n        kind\n        id\n      }\n    }\n  }\n}\n\nmutation UpdatePresence($plantId: ID!, $viewing: PresenceViewingInput!) {\n  updatePresence(plantId: $plantId, viewing: $viewing)\n}\n\nmutation SetPresenceVisibility($visible: Boolean!) {\n  setPresenceVisibility(visible: $visible)\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;