/**
 * The portal's option lists, from core/validation (one source for renderer, main and CLI).
 * Shown in Chinese in both UI languages because the user copies them into the Chinese portal.
 */
export {
  GB11643_ID_TYPES,
  idTypeAllowsLongTerm,
  ORG_CERT_TYPE_LABELS,
  ORG_CERT_TYPES_BY_KIND,
  ORG_KIND_CHOICES,
  ORG_KIND_LABELS,
  PERSON_ID_TYPE_LABELS,
} from '../../../core/validation/labels'
export {
  ACCESS_METHODS,
  CONTROLLED_GOODS,
  LANGUAGES,
  PRE_APPROVALS,
  providerForBrand,
  SERVICE_TYPES,
  SUGGESTED_PROVIDERS,
  type ProviderRole,
  type SuggestedProvider,
} from '../../../core/validation/providers'
