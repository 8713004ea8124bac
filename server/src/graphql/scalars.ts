import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatMoney, parseMoney } from '../modules/shared/money.ts';
import { isIsoDate } from '../modules/shared/dates.ts';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** `YYYY-MM-DD`, a real calendar date; anything else is BAD_USER_INPUT. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (v) => String(v),
  parseValue(v) {
    if (typeof v !== 'string' || !isIsoDate(v)) throw invalid(`"${String(v)}" is not a date; use YYYY-MM-DD, e.g. 2026-12-01.`);
    return v;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isIsoDate(ast.value)) throw invalid('Dates are strings in the form YYYY-MM-DD, e.g. "2026-12-01".');
    return ast.value;
  },
});

/** ISO 8601 instant in UTC. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue(v) {
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw invalid(`"${String(v)}" is not an ISO 8601 instant.`);
    return new Date(v).toISOString();
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || Number.isNaN(Date.parse(ast.value))) throw invalid('Instants are ISO 8601 strings.');
    return new Date(ast.value).toISOString();
  },
});

/** Money travels as a decimal string; inside the server it is integer cents. */
export const MoneyScalar = new GraphQLScalarType<number, string>({
  name: 'Money',
  serialize: (v) => formatMoney(Number(v)),
  parseValue(v) {
    const cents = typeof v === 'string' ? parseMoney(v) : null;
    if (cents === null) throw invalid(`"${String(v)}" is not an amount; use a decimal string such as "1250.00".`);
    return cents;
  },
  parseLiteral(ast) {
    const cents = ast.kind === Kind.STRING ? parseMoney(ast.value) : null;
    if (cents === null) throw invalid('Amounts are decimal strings such as "1250.00".');
    return cents;
  },
});
