import { loadConfig, ConfigError } from '../src/config.js';

describe('configuration from environment variables', () => {
  it('has embedded defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.PORTAL_URL).toBeUndefined();
    expect(config.REVIEW_MONTHS).toBe(6);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.WORKERS).toBe(1);
    expect(config.ANALYTICS_DAYS).toBe(365);
    expect(config.METRICS_PORT).toBeUndefined();
  });

  it('runs several processes only on PostgreSQL', () => {
    expect(loadConfig({ WORKERS: '4', DATABASE_URL: 'postgres://dvc@db.example:5432/dvc' })).toMatchObject({ WORKERS: 4, DATABASE_URL: 'postgres://dvc@db.example:5432/dvc' });
  });

  it.each([
    ['PORT', 'abc', /PORT="abc": must be a number/],
    ['PORT', '70000', /PORT="70000": must be between 0 and 65535/],
    ['PORTAL_URL', 'not a url', /PORTAL_URL="not a url": must be a URL/],
    ['NONE_THRESHOLD', '2', /NONE_THRESHOLD="2": must be between 0 and 1/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud"/],
    ['PORTAL_TIMEOUT_MS', '10000', /PORTAL_TIMEOUT_MS="10000": must be at most 4000/],
    ['LOOKUPS_PER_CONVERSATION', '0', /LOOKUPS_PER_CONVERSATION="0": must be positive/],
    ['REVIEW_MONTHS', '1.5', /REVIEW_MONTHS="1.5": must be a whole number/],
    ['REVIEW_MONTHS', '0', /REVIEW_MONTHS="0": must be positive/],
    ['TRUST_PROXY', 'yes', /TRUST_PROXY="yes": must be 0, 1, false or true/],
    ['DATABASE_URL', 'mysql://localhost/dvc', /DATABASE_URL="mysql:\/\/localhost\/dvc": must be a PostgreSQL URL/],
    ['DATABASE_POOL_SIZE', '0', /DATABASE_POOL_SIZE="0": must be between 1 and 200/],
    ['WORKERS', 'two', /WORKERS="two": must be a number/],
    ['WORKERS', '2', /WORKERS="2": several processes need DATABASE_URL/],
    ['DIRECT_LINE_SECRET', 'short', /DIRECT_LINE_SECRET="short": must be at least 64 hexadecimal characters/],
    ['ANALYTICS_DAYS', '0', /ANALYTICS_DAYS="0": must be at least 1/],
    ['ANALYTICS_DAYS', '1.5', /ANALYTICS_DAYS="1.5": must be a whole number of days/],
    ['METRICS_PORT', 'x', /METRICS_PORT="x": must be a number/],
    ['HANDOFF_CLAIM_MINUTES', '0', /HANDOFF_CLAIM_MINUTES="0": must be at least 1/],
  ])('names %s and what is wrong with %s', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });
});
