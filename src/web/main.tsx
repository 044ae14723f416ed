// Entry point of the web app: mounts the app on #app.
import { render } from "preact";
import { App, preloadCorpus } from "./components/App.tsx";
import { mark } from "./lib/perf.ts";
import "./styles.css";

mark("start");
preloadCorpus();
const root = document.getElementById("app");
if (root !== null) render(<App />, root);
