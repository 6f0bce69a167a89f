// Wide tables scroll sideways inside their own region, so the page itself never does (a phone is 375 pixels wide).
// Every .govuk-table not already in an .app-table-scroll is wrapped in one. While its table is wider than the region,
// the region is focusable and named (role="region", tabindex="0", aria-label from the table's caption or the
// heading before it), so keyboard users can scroll it; a table that fits stays out of the tab order.

function labelFor(table) {
  const caption = table.querySelector('caption');
  if (caption && caption.textContent.trim()) {
    return caption.textContent.trim();
  }
  let node = table.closest('.app-table-scroll');
  while (node) {
    let previous = node.previousElementSibling;
    while (previous) {
      if (/^H[1-6]$/.test(previous.tagName)) {
        return previous.textContent.trim();
      }
      previous = previous.previousElementSibling;
    }
    node = node.parentElement;
    if (node && node.tagName === 'MAIN') {
      break;
    }
  }
  return 'Table';
}

function update(region) {
  const table = region.querySelector('table');
  if (region.scrollWidth > region.clientWidth + 1) {
    region.setAttribute('tabindex', '0');
    region.setAttribute('role', 'region');
    if (!region.hasAttribute('aria-label')) {
      region.setAttribute('aria-label', `${labelFor(table)} (scrolls sideways)`);
      region.dataset.appLabelled = 'true';
    }
  } else if (region.dataset.appWrapped === 'true') {
    region.removeAttribute('tabindex');
    region.removeAttribute('role');
    if (region.dataset.appLabelled === 'true') {
      region.removeAttribute('aria-label');
      delete region.dataset.appLabelled;
    }
  }
}

const regions = new Set();
const observer = 'ResizeObserver' in window ? new ResizeObserver((entries) => entries.forEach((e) => update(e.target))) : null;

function wrapTables(root) {
  for (const table of root.querySelectorAll('table.govuk-table')) {
    let region = table.parentElement.closest('.app-table-scroll');
    if (!region) {
      region = document.createElement('div');
      region.className = 'app-table-scroll';
      region.dataset.appWrapped = 'true';
      table.parentNode.insertBefore(region, table);
      region.appendChild(table);
    }
    if (!regions.has(region)) {
      regions.add(region);
      observer?.observe(region);
    }
    update(region);
  }
}

export function initTableScroll(root = document.body) {
  wrapTables(root);
  if (!observer) {
    window.addEventListener('resize', () => regions.forEach(update));
  }
  // Lists that refresh themselves (the live inbox, the live offers) bring new tables: wrap those too.
  new MutationObserver((mutations) => {
    if (mutations.some((m) => [...m.addedNodes].some((n) => n.nodeType === 1 && (n.matches('table') || n.querySelector('table'))))) {
      wrapTables(root);
    }
  }).observe(root, { childList: true, subtree: true });
}
