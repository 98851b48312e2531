export * from './api/client';
export * from './live';
export * from './problems';
