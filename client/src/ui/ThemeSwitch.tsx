import { useRef, type KeyboardEvent } from "react";
import { MonitorIcon, MoonIcon, SunIcon } from "./icons.tsx";
import { useTheme, type ThemePreference } from "./theme.ts";

const OPTIONS: { value: ThemePreference; label: string; Icon: typeof SunIcon }[] = [
  { value: "light", label: "Light", Icon: SunIcon },
  { value: "dark", label: "Dark", Icon: MoonIcon },
  { value: "system", label: "System", Icon: MonitorIcon },
];

/** Light, dark, or the system's; remembered in this browser. */
export function ThemeSwitch() {
  const { preference, setPreference } = useTheme();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // A radio group: arrows move the choice (and focus), one tab stop for the group.
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + OPTIONS.length) % OPTIONS.length;
    setPreference(OPTIONS[next]!.value);
    refs.current[next]?.focus();
  };
  return (
    <div className="theme-switch" role="radiogroup" aria-label="Theme">
      {OPTIONS.map(({ value, label, Icon }, index) => (
        <button
          key={value}
          ref={(el) => {
            refs.current[index] = el;
          }}
          type="button"
          role="radio"
          aria-checked={preference === value}
          tabIndex={preference === value ? 0 : -1}
          onClick={() => setPreference(value)}
          onKeyDown={(e) => onKeyDown(e, index)}
          title={`${label} theme`}
        >
          <Icon size={14} />
          <span>{label}</span>
        </button>
      ))}
    </div>
  );
}
