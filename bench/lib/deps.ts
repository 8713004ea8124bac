import { createRequire } from 'node:module';
import type * as Ws from 'ws';
import type * as GraphqlWs from 'graphql-ws';
import type * as GraphqlWsUseWs from 'graphql-ws/use/ws';
import type * as Graphql from 'graphql';
import type * as Pg from 'pg';

/**
 * The server's own `ws`, `graphql-ws`, `graphql` and `pg`, so that the bench's clients and bare
 * baselines run exactly the library versions Takt serves with. The bench package declares no
 * dependencies of its own (it is a workspace package only to be linted and typechecked), so it
 * resolves them from server/package.json;
 * bench/tsconfig.json maps the same names to the server's types.
 */
const require = createRequire(new URL('../../server/package.json', import.meta.url));

export const ws = require('ws') as typeof Ws;
export const graphqlWs = require('graphql-ws') as typeof GraphqlWs;
export const graphqlWsUseWs = require('graphql-ws/use/ws') as typeof GraphqlWsUseWs;
export const graphql = require('graphql') as typeof Graphql;
export const pg = require('pg') as typeof Pg;
