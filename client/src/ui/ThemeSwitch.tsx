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
  return (
    <div className="theme-switch" role="radiogroup" aria-label="Theme">
      {OPTIONS.map(({ value, label, Icon }) => (
        <button key={value} type="button" role="radio" aria-checked={preference === value} onClick={() => setPreference(value)} title={`${label} theme`}>
          <Icon size={14} />
          <span>{label}</span>
        </button>
      ))}
    </div>
  );
}
