export * from './socket';
export * from './limits';
export * from './auth';
export * from './account';
export * from './dev-outbox';
