/**
 * <yg-tabs>: sections with headings and a list of in-page links, turned into tabs (WAI-ARIA tabs pattern, automatic
 * activation) once this script runs. The chosen tab lives in the address (`?tab=table`), kept with
 * history.replaceState, so a link reproduces the view. Without JavaScript every section shows, one after another,
 * and the links jump to them.
 */
class YgTabs extends HTMLElement {
  #tabs: HTMLAnchorElement[] = [];
  #panels = new Map<string, HTMLElement>();

  connectedCallback() {
    if (this.dataset.ready) return;
    const nav = this.querySelector<HTMLElement>(':scope > [data-tab-links]');
    if (!nav) return;
    for (const panel of this.querySelectorAll<HTMLElement>(':scope > [data-tab-panel]')) this.#panels.set(panel.id, panel);
    const list = document.createElement('div');
    list.className = 'tab-list';
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', nav.getAttribute('aria-label') ?? '');
    for (const link of nav.querySelectorAll<HTMLAnchorElement>('a[data-tab-link]')) {
      const id = link.dataset.tabLink!;
      const panel = this.#panels.get(id);
      if (!panel) continue;
      link.id = `tab-${id}`;
      link.setAttribute('role', 'tab');
      link.setAttribute('aria-controls', id);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', link.id);
      panel.tabIndex = 0;
      list.append(link);
      this.#tabs.push(link);
    }
    nav.replaceWith(list);
    list.addEventListener('click', (event) => {
      const tab = (event.target as Element).closest<HTMLAnchorElement>('[role="tab"]');
      if (!tab) return;
      event.preventDefault();
      this.select(tab.dataset.tabLink!, { remember: true });
    });
    list.addEventListener('keydown', (event) => this.#onKey(event));
    // In-page links to a section ("见表格") open its tab instead of jumping to a hidden panel.
    document.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#"]');
      const id = link?.getAttribute('href')!.slice(1);
      if (!link || link.getAttribute('role') === 'tab' || !id || !this.#panels.has(id)) return;
      event.preventDefault();
      this.select(id, { remember: true });
      this.#panels.get(id)!.focus();
    });
    const params = new URLSearchParams(location.search);
    const wanted = [params.get('tab'), location.hash.slice(1)].find((id) => id && this.#panels.has(id));
    this.select(wanted ?? this.#tabs[0]?.dataset.tabLink ?? '');
    this.dataset.ready = 'true';
  }

  /** Shows one tab's panel; with `remember`, writes the choice into the address. */
  select(id: string, { remember = false, focus = false } = {}) {
    if (!this.#panels.has(id)) return;
    for (const tab of this.#tabs) {
      const selected = tab.dataset.tabLink === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      this.#panels.get(tab.dataset.tabLink!)!.hidden = !selected;
      if (selected && focus) tab.focus();
    }
    if (remember) {
      const url = new URL(location.href);
      url.searchParams.set('tab', id);
      url.hash = '';
      history.replaceState(history.state, '', url);
    }
    // A chart in a panel shown now may need to be drawn: tell anything watching for layout (Chart.js resizes on it).
    window.dispatchEvent(new Event('resize'));
  }

  #onKey(event: KeyboardEvent) {
    const current = this.#tabs.findIndex((tab) => tab === document.activeElement);
    if (current < 0) return;
    const last = this.#tabs.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = this.#tabs[(next + this.#tabs.length) % this.#tabs.length];
    this.select(tab.dataset.tabLink!, { remember: true, focus: true });
  }
}

if (!customElements.get('yg-tabs')) customElements.define('yg-tabs', YgTabs);
