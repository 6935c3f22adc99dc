export * from './socket';
export * from './limits';
