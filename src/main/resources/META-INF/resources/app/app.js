// Progressive enhancement only: every page works without this script. It marks the body as able to run
// GOV.UK Frontend (what the Design System's inline snippet does; inline scripts are not allowed by the CSP)
// and starts its components (error summaries, details, character counts, ...).
import { initAll } from '/assets/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
