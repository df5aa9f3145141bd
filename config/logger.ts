import env from '#start/env'
import type { InferLoggers } from '@adonisjs/core/types'
import { defineConfig, targets } from '@adonisjs/core/logger'

const loggerConfig = defineConfig({
  default: 'app',
  loggers: {
    app: {
      enabled: true,
      name: 'dichvucong',
      level: env.get('LOG_LEVEL'),
      transport: {
        targets: targets().push(targets.file({ destination: 1 })).toArray(),
      },
    },
  },
})

export default loggerConfig

declare module '@adonisjs/core/types' {
  export interface LoggersList extends InferLoggers<typeof loggerConfig> {}
}
