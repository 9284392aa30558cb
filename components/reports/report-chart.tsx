'use client';

import type { EChartsOption } from 'echarts';
import { useEffect, useRef, useState } from 'react';

/**
 * One chart, drawn in the browser from an option built on the server. The chart library is
 * loaded on first use (a chunk only this page asks for). The canvas is a picture for sighted
 * readers; the table after it carries the same figures for everyone, so the chart is labelled
 * as an image that points there.
 */
export function ReportChart({ option, height, label, loading }: { option: EChartsOption; height: number; label: string; loading: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let disposed = false;
    let dispose = () => {};
    void import('./echarts-setup').then(({ init }) => {
      if (disposed) return;
      const chart = init(element, undefined, { renderer: 'canvas' });
      chart.setOption(option);
      const resize = new ResizeObserver(() => chart.resize());
      resize.observe(element);
      dispose = () => {
        resize.disconnect();
        chart.dispose();
      };
      setDrawn(true);
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [option]);

  // ECharts empties the element it draws in, so React keeps no child there: the loading line
  // sits beside it.
  return (
    <div
      role="img"
      aria-label={label}
      data-chart={drawn ? 'drawn' : 'pending'}
      className="relative w-full rounded-lg border border-slate-200 bg-white"
      style={{ height }}
    >
      <div ref={box} className="absolute inset-2" />
      {!drawn && <p className="absolute top-4 left-4 text-sm text-slate-500">{loading}</p>}
    </div>
  );
}
