/*
 * The web server sweeps deadlines every hour (processing module, issue 5 item 4).
 */
import { startDeadlineSweeps } from '#processing/services/sweep_schedule'

startDeadlineSweeps()
