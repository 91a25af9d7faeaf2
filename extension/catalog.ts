// The extension's catalogue of shipped packs, validated once per context.
import { createCatalog } from '../core/catalog';
import { SHIPPED_PACKS } from '../walkthroughs';

export const catalog = createCatalog(SHIPPED_PACKS);
