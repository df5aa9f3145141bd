import type { NamedReporterContract } from '@japa/runner/types'

/** The plain closing line CI reads: `N passed, N failed` (`, N skipped` when any were). */
export function summaryLine(): NamedReporterContract {
  return {
    name: 'summary-line',
    handler(runner, emitter) {
      emitter.on('runner:end', () => {
        const { aggregates } = runner.getSummary()
        const skipped = aggregates.skipped + aggregates.todo
        const failed = aggregates.failed + aggregates.regression
        const line = `${aggregates.passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
        // Printed on exit so that it stays the last line, after the spec reporter's error listing.
        process.once('exit', () => console.log(line))
      })
    },
  }
}
