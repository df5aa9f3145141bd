/*
 * Who works the intake counter (OS-5, OS-6): active officers holding the receptionist role.
 */
import { Bouncer } from '@adonisjs/bouncer'
import type { User } from '#users/index'

export const receiveDossiers = Bouncer.ability((user: User) => user.hasRole('receptionist'))
