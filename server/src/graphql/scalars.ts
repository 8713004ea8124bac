import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatMoney, parseMoney } from '../shared/money.ts';
import { isIsoDate } from '../shared/dates.ts';
import { serializedOnce, type SerializedJson } from './serialized-json.ts';

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

/** An instant the database can hold and a person could mean: years 1 to 9999. */
function isInstant(v: string): boolean {
  const t = Date.parse(v);
  // 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999Z
  return !Number.isNaN(t) && t >= -62_135_596_800_000 && t <= 253_402_300_799_999;
}

/** ISO 8601 instant in UTC (years 1 to 9999). */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString()),
  parseValue(v) {
    if (typeof v !== 'string' || !isInstant(v)) throw invalid(`"${String(v).slice(0, 40)}" is not an ISO 8601 instant between the years 1 and 9999.`);
    return new Date(v).toISOString();
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isInstant(ast.value)) throw invalid('Instants are ISO 8601 strings between the years 1 and 9999.');
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

/**
 * A column of a packed board (schema/board.graphql): an array the server built, serialized once
 * per array and spliced into every response that carries it (serialized-json.ts). Output only:
 * no operation takes a column as input.
 */
function columnScalar(name: string): GraphQLScalarType<SerializedJson, unknown> {
  const outputOnly = () => {
    throw invalid(`${name} is an output type; it cannot be given as input.`);
  };
  return new GraphQLScalarType<SerializedJson, unknown>({
    name,
    serialize: (v) => serializedOnce(v as unknown[]),
    parseValue: outputOnly,
    parseLiteral: outputOnly,
  });
}

export const IntColumnScalar = columnScalar('IntColumn');
export const StringColumnScalar = columnScalar('StringColumn');

/** File content travels as base64 text; inside the server it is a Buffer. */
export const Base64Scalar = new GraphQLScalarType<Buffer, string>({
  name: 'Base64',
  serialize: (v) => (Buffer.isBuffer(v) ? v.toString('base64') : String(v)),
  parseValue(v) {
    if (typeof v !== 'string' || !/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(v)) throw invalid('File content must be base64 text.');
    return Buffer.from(v, 'base64');
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(ast.value)) throw invalid('File content must be base64 text.');
    return Buffer.from(ast.value, 'base64');
  },
});
