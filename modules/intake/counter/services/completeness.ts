/*
 * The completeness check at intake (OS-5.2): which required components of the procedure were not
 * handed in. The answer names them, so the receptionist can tell the applicant what is missing.
 */
export interface ComponentLine {
  id: number
  name: string
  isRequired: boolean
}

/** The required components not among `receivedIds`, in the procedure's order. */
export function missingRequired<T extends ComponentLine>(components: T[], receivedIds: Iterable<number>): T[] {
  const received = new Set([...receivedIds].map(Number))
  return components.filter((component) => component.isRequired && !received.has(Number(component.id)))
}
