export * from './socket';
export * from './limits';
export * from './auth';
