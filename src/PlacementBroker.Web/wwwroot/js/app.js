import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';
import { initTableScroll } from '/js/table-scroll.js';

initAll();
initTableScroll();
