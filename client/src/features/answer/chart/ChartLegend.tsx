/** An HTML legend: wraps on narrow screens, follows the theme, and is read as a list. */
export function ChartLegend({ items, colors, label }: { items: string[]; colors: string[]; label: string }) {
  if (items.length < 2) return null;
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item, i) => (
        <li key={item}>
          <span className="swatch" style={{ background: colors[i % colors.length] }} aria-hidden="true" />
          {item}
        </li>
      ))}
    </ul>
  );
}
