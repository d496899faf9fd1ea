/** Shown instead of the id while a post has no title (posts list, breadcrumb, tab title). */
export const UNTITLED_POST_LABEL = 'Nuovo articolo'
