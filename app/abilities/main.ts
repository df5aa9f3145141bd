/** Every module's abilities, gathered for the request's Bouncer. */
export * from '#users/abilities'
export * from '#intake/counter/abilities'
export * from '#portal/account/abilities'
export * from '#processing/oversight/abilities'
export * from '#processing/abilities'
export * from '#processing/special/abilities'
export * from '#integration/abilities'
