export * from './money'
export * from './date'
export * from './region'
export * from './useFormat'
