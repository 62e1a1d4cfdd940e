// Loads the wasm UI. Kept in a file, not inline, so the CSP needs no 'unsafe-inline'.
// The `lanyard:` performance marks time the start (`cargo xtask bench` reads them); the wasm
// itself marks when its `main` starts and when the app is mounted (ui/src/main.rs).
import init from "./lanyard-ui.js";

performance.mark("lanyard:boot");
// Names the OS on <html> before any text is drawn, so that app.css asks the font system only
// for faces this OS has.
const ua = navigator.userAgent;
document.documentElement.dataset.os = ua.includes("Windows")
  ? "windows"
  : ua.includes("Mac OS X")
    ? "macos"
    : "linux";
const wasm = fetch(new URL("./lanyard-ui_bg.wasm", import.meta.url));
wasm.then(() => performance.mark("lanyard:wasm-response"), () => {});
init({ module_or_path: wasm }).catch((err) => {
  const p = document.createElement("p");
  p.className = "boot-error";
  p.textContent = "Lanyard's interface failed to load: " + err;
  document.body.append(p);
});
