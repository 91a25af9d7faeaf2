// Written by `npm run fit:anchors -- --write` (scripts/fit-anchor-weights.ts) on 2026-12-01: property
// weights and the decision rule, fitted on similo (423), generator (323), v2 (127); never on redesign v3 or WebEvo.
import type { Rule, Weights } from './tuning';

export const FITTED_WEIGHTS: Weights = {"name":6,"text":3,"label":2.5,"placeholder":1.5,"title":1,"attrName":1.5,"href":2,"type":0.25,"tag":0.5,"role":0.19,"heading":0.56,"near":1.5,"path":0.89,"index":0.67,"location":1,"size":0.25,"form":0.38,"id":1,"classes":0.75,"attrs":0.25,"xpath":1};

export const FITTED_RULE: Rule = {"minConfidence":0.8,"minMargin":0.12,"minIdentity":0.5,"minIdentityInPlace":0.5,"minContext":0.5,"strongIdentity":0.9,"strongMargin":0.03,"contextOnly":0.85,"evidenceSlope":1.5,"twinMargin":0.1};
