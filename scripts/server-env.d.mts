/** Types of server-env.mjs (plain JavaScript, so `npm start` needs no TypeScript). */
export function serverEnvironment(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
