/*
 * Who may configure the tenant's connections to other systems (OS-22.6): administrators.
 */
import { Bouncer } from '@adonisjs/bouncer'
import type { User } from '#users/index'

export const configureIntegrations = Bouncer.ability((user: User) => user.hasRole('admin'))
