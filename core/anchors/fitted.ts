// Written by `npm run fit:anchors -- --write` (scripts/fit-anchor-weights.ts) on 2026-12-01: property
// weights and the decision rule, fitted on similo (423), generator (323), v2 (127); never on redesign v3 or WebEvo.
import type { Rule } from './decide';
import type { Weights } from './score';

export const FITTED_WEIGHTS: Weights = {"name":5.31,"text":1.5,"label":0.67,"placeholder":1.5,"title":5.32,"attrName":0.5,"href":1,"type":1.34,"tag":0.75,"role":0,"heading":0.51,"near":0.56,"path":0.67,"index":0,"location":1.33,"size":1.33,"id":2,"classes":0.75,"attrs":0,"xpath":0};

export const FITTED_RULE: Rule = {"minConfidence":0.7,"minMargin":0.1,"minIdentity":0.7,"minIdentityInPlace":0,"minContext":0.8,"strongIdentity":0.9,"strongMargin":0.05,"contextOnly":0.85,"twinMargin":0.1};
