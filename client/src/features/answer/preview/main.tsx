import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initTheme } from "../../../ui/theme.ts";
import { Preview } from "../Preview.tsx";
import "../../../ui/styles.css";
import "./preview.css";

initTheme();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
