/**
 * <yg-chart data-spec="…">: draws a chart already described at build time (src/data/series.ts) once it scrolls into
 * view. Chart.js is fetched only then, with `await import()`, so pages load with no chart code at all. Without
 * JavaScript the element never upgrades and stays hidden (CSS `yg-chart:not(:defined)`); the figure's summary and
 * table carry everything.
 */
import type { ChartSpec } from '../../data/series';

export interface ChartTexts {
  /** Accessible name of the canvas. */
  label: string;
  /** Template of the live read-out: {category}, {series}, {value}, {period}. */
  point: string;
}

class YgChart extends HTMLElement {
  #observer?: IntersectionObserver;

  connectedCallback() {
    if (this.#observer || this.dataset.state) return;
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        void this.#draw();
      },
      { rootMargin: '200px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  async #draw() {
    this.dataset.state = 'loading';
    try {
      const spec = JSON.parse(this.dataset.spec ?? '{}') as ChartSpec;
      const texts = JSON.parse(this.dataset.texts ?? '{}') as ChartTexts;
      // Loading Chart.js, measuring the labels and drawing are separate tasks, so no one of them holds up the page.
      const { drawChart, nextTask } = await import('./draw');
      await nextTask();
      await drawChart(this, spec, texts);
      this.dataset.state = 'drawn';
    } catch (error) {
      // The summary and table above and below still say everything; only the picture is missing.
      this.dataset.state = 'failed';
      this.hidden = true;
      console.error(error);
    }
  }
}

if (!customElements.get('yg-chart')) customElements.define('yg-chart', YgChart);
