/*
 * Who may use the oversight screens. The dossier search and the desk's dashboard are for every
 * active officer (useOneStop); the direction view (OS-20d) is for leaders.
 */
import { Bouncer } from '@adonisjs/bouncer'
import type { User } from '#users/index'

export const directProcessing = Bouncer.ability((user: User) => user.hasRole('approver'))
