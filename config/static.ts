import { defineConfig } from '@adonisjs/static'

const staticServerConfig = defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  // Images and icons keep their names between releases, so a day is the longest safe cache.
  maxAge: '1d',
})

export default staticServerConfig
