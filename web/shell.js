// The page's shell around the wasm app, in plain JS so that it keeps
// working when the app has stopped. It
// - registers the offline service worker (dist/sw.js, next to this file)
//   and, when a newer build has taken over the page, says a new version is
//   ready with a button to reload;
// - in embed mode (`<html class="embed">`, set by the app), posts the
//   page's height to the parent page so that its iframe can fit it;
// - replaces a crashed app with an error screen that can reload and export
//   the working scenario. A Rust panic aborts the wasm instance (a
//   WebAssembly.RuntimeError reaches the window), leaving a dead page.
// Its texts are here, in French and English (the page's <html lang>): the
// app's own texts live in src/i18n/, but these must not need the app.
// Loaded as a classic script in <head>, before the app: it only registers
// listeners until the page has loaded. Non-ASCII text is written as is
// (no \u escapes): Trunk's minifier mangles escapes in strings.
(() => {
  const here = document.currentScript.src;
  let started = false; // Trunk fires TrunkApplicationStarted once the app runs
  const whenStarted = [];
  addEventListener("TrunkApplicationStarted", () => {
    started = true;
    whenStarted.splice(0).forEach((run) => run());
  });

  const html = document.documentElement;
  const say = (fr, en) => (html.lang === "en" ? en : fr);
  const make = (tag, attributes, text) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text) element.textContent = text;
    return element;
  };

  // Offline. A page that already had a worker when it loaded gets a new
  // one only when a newer build has installed: that is an update, shown
  // like the app's notices (style/main.css), in a live region of its own
  // placed before them once the app runs (present before it is filled, so
  // that screen readers announce it).
  const workers = navigator.serviceWorker;
  if (workers) {
    const hadWorker = !!workers.controller;
    const region = make("div", { class: "notices update", role: "status" });
    whenStarted.push(() => {
      const notices = document.querySelector(".notices");
      notices ? notices.before(region) : document.body.prepend(region);
    });
    const announce = () => {
      const notice = make("div", { class: "notice", "data-testid": "notice-update-ready" });
      const reload = make("button", { type: "button", "data-testid": "reload-update" }, say("Recharger", "Reload"));
      reload.addEventListener("click", () => location.reload());
      notice.append(
        make(
          "p",
          {},
          say(
            "Une nouvelle version du calculateur est prête. Rechargez la page pour l’utiliser ; vos saisies sont conservées.",
            "A new version of the calculator is ready. Reload the page to use it; your entries are kept.",
          ),
        ),
        reload,
      );
      region.replaceChildren(notice);
    };
    workers.addEventListener("controllerchange", () => {
      if (hadWorker) started ? announce() : whenStarted.push(announce);
    });
    addEventListener("load", () => workers.register(new URL("sw.js", here)).catch(() => {}));

    // The panels' chunks of this page's build that it still waits for (a
    // panel not built yet, or whose chunk failed): the worker keeps the old
    // cache that holds them across an update (web/sw.js, cleanUp). The
    // folder is the one the core came from (pkg-<hash>/).
    const core = document.querySelector('link[rel="modulepreload"]');
    const folder = core ? new URL(core.href).pathname.replace(/[^/]*$/, "") : null;
    const awaiting = () => (folder && document.querySelector(".lazy-panel") ? folder : null);
    workers.addEventListener("message", (event) => {
      if (event.data && event.data.type === "chunks-awaited" && event.ports[0]) event.ports[0].postMessage(awaiting());
    });
    // Once started, and once the last panel is built: old caches may go.
    const cleanUp = () => workers.controller && workers.controller.postMessage({ type: "clean-up" });
    whenStarted.push(() => {
      cleanUp();
      if (!awaiting()) return;
      const watch = new MutationObserver(() => {
        if (awaiting()) return;
        watch.disconnect();
        cleanUp();
      });
      watch.observe(document.body, { childList: true, subtree: true });
    });
  }

  // Embed mode: the message the host page listens for (README, "Embed").
  if (parent !== window) {
    let posted = 0;
    const postHeight = () => {
      if (!html.classList.contains("embed")) return;
      const height = Math.ceil(html.getBoundingClientRect().height);
      if (height === posted) return;
      posted = height;
      parent.postMessage({ type: "teleprospection-roi:height", height }, "*");
    };
    new ResizeObserver(postHeight).observe(html);
    whenStarted.push(postHeight);
  }

  // Crash screen: text only, in the page's language, built without the app.
  // Its download is the scenario on screen in the JSON export format: the
  // app keeps it in window.teleprospectionRoiExport after each pause in
  // typing, and writes it once more from its panic hook, just before the
  // wasm aborts (src/ui/mod.rs). Failing that (a crash before the first
  // pause), the working scenario as stored, which imports too.
  let crashed = false;
  const crash = (error) => {
    if (crashed || !(error instanceof WebAssembly.RuntimeError)) return;
    crashed = true;
    let stored = null;
    try {
      stored = localStorage.getItem("teleprospection-roi/working");
    } catch {
      // Storage off: only the app's own copy, if any.
    }
    const exported = typeof window.teleprospectionRoiExport === "string" ? window.teleprospectionRoiExport : null;
    const file = exported || stored;
    const screen = make("main", { class: "crash", role: "alert", "data-testid": "crash" });
    const title = make("h1", { tabindex: "-1" }, say("Le calculateur s’est arrêté", "The calculator has stopped"));
    const reload = make("button", { type: "button", "data-testid": "crash-reload" }, say("Recharger", "Reload"));
    reload.addEventListener("click", () => location.reload());
    const actions = make("p", { class: "crash-actions" });
    actions.append(reload);
    if (file) {
      const url = URL.createObjectURL(new Blob([file], { type: "application/json" }));
      actions.append(
        make(
          "a",
          { href: url, download: "scenario-roi.json", "data-testid": "crash-export" },
          say("Exporter le scénario (JSON)", "Export the scenario (JSON)"),
        ),
      );
    }
    const why = say("Une erreur inattendue a arrêté la page.", "An unexpected error stopped the page.");
    const next = stored
      ? say(
          "Votre dernier scénario est enregistré dans ce navigateur : rechargez pour reprendre, ou exportez-le pour le garder (le fichier s’importe dans « Mes scénarios »).",
          "Your last scenario is saved in this browser: reload to carry on, or export it to keep it (the file imports into “My scenarios”).",
        )
      : file
        ? say(
            "Votre scénario n’a pas pu être enregistré dans ce navigateur : exportez-le pour le garder (le fichier s’importe dans « Mes scénarios »), puis rechargez.",
            "Your scenario could not be saved in this browser: export it to keep it (the file imports into “My scenarios”), then reload.",
          )
        : say("Rechargez pour reprendre.", "Reload to carry on.");
    screen.append(title, make("p", {}, `${why} ${next}`), actions);
    document.body.replaceChildren(screen);
    title.focus();
  };
  // The wasm could not be loaded or started (blocked, offline on a first
  // visit, an old browser): the prerendered page stays as it is, with its
  // example figures and its form, and one line says what recomputing needs.
  // No error screen: nothing was lost, nothing stopped.
  const cannotStart = () => {
    if (started || crashed || document.querySelector(".needs-wasm")) return;
    const line = make(
      "p",
      { class: "needs-wasm", role: "status", "data-testid": "needs-wasm" },
      say(
        "Les chiffres affichés sont ceux de l’exemple : pour recalculer, le calculateur a besoin de JavaScript et de WebAssembly, qui n’ont pas pu démarrer.",
        "The figures shown are the example’s: to recompute, the calculator needs JavaScript and WebAssembly, which could not start.",
      ),
    );
    const app = document.getElementById("app");
    app ? app.prepend(line) : document.body.prepend(line);
  };
  addEventListener("error", (event) => {
    // A module script that fails to load the wasm reports it here.
    if (!started && !(event.error instanceof WebAssembly.RuntimeError)) cannotStart();
    crash(event.error);
  });
  addEventListener("unhandledrejection", (event) => {
    if (!started && !(event.reason instanceof WebAssembly.RuntimeError)) cannotStart();
    crash(event.reason);
  });
})();
