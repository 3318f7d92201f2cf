export * from './catalog.ts';
export * from './foundation.ts';
export * from './jobs.ts';
export * from './notifications.ts';
export * from './programme.ts';
export * from './reports.ts';
export * from './sanctions.ts';
