/** Every module's abilities, gathered for the request's Bouncer. */
export * from '#users/abilities'
