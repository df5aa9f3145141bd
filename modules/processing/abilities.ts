/*
 * Who may use the processing screens: every active officer sees dossiers and their own queues
 * (useOneStop); department heads assign handlers (OS-7.1, OS-7.2).
 */
import { Bouncer } from '@adonisjs/bouncer'
import type { User } from '#users/index'

export const assignHandlers = Bouncer.ability((user: User) => user.hasRole('dept_head'))
