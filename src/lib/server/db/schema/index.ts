export * from './guide';
export * from './market';
export * from './catalog-log';
export * from './push';
export * from './accounts';
export * from './orders';
export * from './messaging';
