export * from './types';
export * from './fields';
export * from './mapping';
export * from './values';
export * from './checkRows';
export * from './messages';
export * from './readTable';
export * from './api';
