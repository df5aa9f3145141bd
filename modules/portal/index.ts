/*
 * Public surface of the portal module (see ARCHITECTURE.md): what the home page and other
 * modules may use of the citizen's catalogue of services.
 */
import { agenciesWithServices, countsByLevel, featuredServices, searchUrl, sectorsWithServices } from '#portal/services/service_search'
import { sectorPath, servicePath } from '#portal/services/service_urls'

export { servicePath, sectorPath, applyPath, slugOf } from '#portal/services/service_urls'
export { searchUrl } from '#portal/services/service_search'

/**
 * What the home page shows besides the search box (NF-2, OL-11a): featured services, the
 * sectors with their counts (each a link to all its services, so every service is two clicks
 * away), the agencies providing services (PT-10: by agency) and the four online levels with
 * links to their filtered lists.
 */
export async function homePageData() {
  return {
    featuredServices: await featuredServices(8),
    sectors: await sectorsWithServices(),
    agencies: await agenciesWithServices(),
    levels: await countsByLevel(),
    servicePath,
    sectorPath,
    searchUrl,
  }
}

/** The header's count of dossier notices the applicant has not seen yet (PT-5.2a). */
export { newNoticeCount } from '#portal/my_dossiers/notices'
