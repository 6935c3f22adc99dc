export * from './socket';
export * from './limits';
export * from './auth';
export * from './auth-responses';
export * from './content-url';
export * from './rooms';
export * from './account';
export * from './dev-outbox';
