export { WerewolfClient, CommandError, type ClientOptions } from './client.ts';
export * from '../../shared/protocol.ts';
export * from '../../shared/views.ts';
export * from '../../shared/errors.ts';
export * from '../../shared/roles.ts';
export * from '../../shared/settings.ts';
export * from '../../shared/talk.ts';
