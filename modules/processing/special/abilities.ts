/*
 * Who may open the counter's list of results to return (OS-10): the receptionists. Every other
 * special screen is for any active officer (useOneStop) and its service checks the step, the
 * holder and the role of the dossier at hand.
 */
import { Bouncer } from '@adonisjs/bouncer'
import type { User } from '#users/index'

export const returnResults = Bouncer.ability((user: User) => user.hasRole('receptionist'))

export const approveDossiers = Bouncer.ability((user: User) => user.hasRole('approver') || user.hasRole('dept_head'))
