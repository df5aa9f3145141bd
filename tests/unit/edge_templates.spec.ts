/*
 * Edge only reads a tag (@if, @each, …) at the start of a line; one written after other text
 * is printed to the visitor as it stands. This walks every template and names such lines.
 */
import { test } from '@japa/runner'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'

const TAG_AFTER_TEXT = /\S.*?(?<![\w.@])@(if|elseif|else|end|each|let|include|unless|component|slot)\b/

function edgeFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) return edgeFiles(path)
    return path.endsWith('.edge') ? [path] : []
  })
}

test('every Edge tag starts its own line, so none is printed as text', ({ assert }) => {
  const folders = [app.makePath('resources/views'), ...readdirSync(app.makePath('modules')).map((module) => app.makePath('modules', module, 'views'))]
  const offenders = folders
    .filter((folder) => {
      try {
        return statSync(folder).isDirectory()
      } catch {
        return false
      }
    })
    .flatMap(edgeFiles)
    .flatMap((file) => {
      const text = readFileSync(file, 'utf8').replace(/\{\{--[\s\S]*?--\}\}/g, (comment) => comment.replace(/[^\n]/g, ' '))
      return text
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => TAG_AFTER_TEXT.test(line))
        .map(({ index }) => `${relative(app.makePath(), file)}:${index + 1}`)
    })
  assert.deepEqual(offenders, [])
})
