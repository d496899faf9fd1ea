export { articleCondition, articleGraph, HEADLINE_MAX, type ArticleGraphInput } from './article'
export { jsonLdId } from './ids'
export { CLINIC_MEDICAL_SPECIALTY, clinicNode, personNode, websiteNode } from './nodes'
export {
  authorGraph,
  categoryGraph,
  homeGraph,
  type AuthorGraphInput,
  type CategoryGraphInput,
} from './pages'
export { serializeJsonLd, toGraph } from './serialize'
export { breadcrumbNode, type Breadcrumb } from './util'
