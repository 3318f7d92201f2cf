export * from './catalog.ts';
export * from './foundation.ts';
export * from './jobs.ts';
export * from './programme.ts';
export * from './reports.ts';
