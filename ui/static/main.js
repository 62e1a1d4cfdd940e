// Loads the wasm UI. Kept in a file, not inline, so the CSP needs no 'unsafe-inline'.
import init from "./lanyard-ui.js";

init().catch((err) => {
  const p = document.createElement("p");
  p.className = "boot-error";
  p.textContent = "Lanyard's interface failed to load: " + err;
  document.body.append(p);
});
