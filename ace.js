/*
 * Entry point for ace commands. TypeScript sources run through the ts-exec JIT, so no build
 * step is needed in development or tests.
 */
import '@poppinss/ts-exec'

await import('./bin/console.js')
