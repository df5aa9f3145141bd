import type { InferDriveDisks } from '@adonisjs/drive/types'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'

/**
 * Uploaded files (form templates, dossier attachments) on the local disk under storage/files,
 * never served directly: the app checks who may read a file before streaming it. Production
 * may add an S3-compatible service here.
 */
const driveConfig = defineConfig({
  default: 'files',
  services: {
    files: services.fs({
      location: app.makePath('storage', process.env.NODE_ENV === 'test' ? 'files-test' : 'files'),
      serveFiles: false,
      visibility: 'private',
    }),
  },
})

export default driveConfig

declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<typeof driveConfig> {}
}
