export * from './position';
export * from './clock';
export * from './controller';
export * from './room-machine';
