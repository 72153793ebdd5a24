import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Preview } from "../Preview.tsx";
import "../../../ui/styles.css";
import "./preview.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
