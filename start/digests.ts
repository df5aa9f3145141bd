/*
 * The web server sends the officers' daily email digest every morning (processing module, OS-22.5).
 */
import { startDailyDigests } from '#processing/oversight/digest/digest_schedule'

startDailyDigests()
