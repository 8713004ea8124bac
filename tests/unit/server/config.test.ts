import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/src/config.ts';

describe('loadConfig', () => {
  it('falls back to the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.logLevel).toBe('info');
    expect(config.demoOrders).toBe(300);
    expect(config.clockOffsetMs).toBe(0);
    expect(config.introspection).toBe(true);
    expect(config.security).toMatchObject({ accountFreeFailures: 5, requestsRunning: 4, trustProxy: false, allowedOrigins: [] });
    expect(config.realtime).toEqual({ retentionDays: 30, presenceTtlMs: 25_000, pollMs: 5_000 });
    expect(config.webhooks).toMatchObject({ dispatch: true, pollMs: 1_000, allowHttp: true, allowPrivate: true });
    expect(config.jobs).toEqual({ slaSweepMs: 60_000, dayTurnSweepMs: 60_000 });
    expect(config.metrics).toEqual({ token: undefined, port: undefined });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', TAKT_DEMO_ORDERS: ' ', TAKT_TRUST_PROXY: '' })).toMatchObject({ port: 4000, demoOrders: 300, security: { trustProxy: false } });
  });

  it('reads what is set', () => {
    const config = loadConfig({
      PORT: '8080', TAKT_CLOCK_OFFSET_MS: '-3600000', TAKT_TRUST_PROXY: 'yes', TAKT_WEBHOOK_DISPATCH: 'off',
      TAKT_ALLOWED_ORIGINS: 'http://a.test/, http://b.test', LOG_LEVEL: 'debug', TAKT_METRICS_PORT: '9100',
    });
    expect(config).toMatchObject({ port: 8080, clockOffsetMs: -3_600_000, logLevel: 'debug', metrics: { port: 9100 } });
    expect(config.security).toMatchObject({ trustProxy: true, allowedOrigins: ['http://a.test', 'http://b.test'] });
    expect(config.webhooks.dispatch).toBe(false);
  });

  it('keeps production strict unless a setting opens it by name', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, introspection: false, demo: false, webhooks: { allowHttp: false, allowPrivate: false } });
    expect(loadConfig({ NODE_ENV: 'production', TAKT_INTROSPECTION: '1', TAKT_DEMO: 'true' })).toMatchObject({ introspection: true, demo: true });
  });

  it.each([
    ['PORT', 'abc', /PORT must be an integer from 0 to 65535, got "abc"/],
    ['PORT', '70000', /PORT must be an integer from 0 to 65535/],
    ['TAKT_DEMO_ORDERS', '1e3', /TAKT_DEMO_ORDERS must be an integer of at least 0, got "1e3"/],
    ['TAKT_SLA_SWEEP_MS', '0', /TAKT_SLA_SWEEP_MS must be an integer of at least 1, got "0"/],
    ['TAKT_SESSION_TTL_HOURS', '-1', /TAKT_SESSION_TTL_HOURS must be an integer of at least 0/],
    ['TAKT_CREDENTIAL_RECHECK_MS', '50', /TAKT_CREDENTIAL_RECHECK_MS must be an integer of at least 100/],
    ['TAKT_CLOCK_OFFSET_MS', '1.5', /TAKT_CLOCK_OFFSET_MS must be an integer/],
    ['TAKT_TRUST_PROXY', 'maybe', /TAKT_TRUST_PROXY must be one of 1, true, yes, on, 0, false, no, off, got "maybe"/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"/],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('lets a caller choose the level used when LOG_LEVEL is unset', () => {
    expect(loadConfig({}, { logLevel: 'warn' }).logLevel).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'error' }, { logLevel: 'warn' }).logLevel).toBe('error');
  });
});
