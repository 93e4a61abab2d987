// Preview only (praktikviden serve): reload the page after each rebuild, and show build errors.
(() => {
  const state = new URL("livereload.json", document.currentScript.src);
  let seen = null;
  let banner = null;

  function show(errors) {
    if (!errors) {
      banner?.remove();
      banner = null;
      return;
    }
    if (!banner) {
      banner = document.createElement("pre");
      banner.setAttribute("role", "alert");
      banner.className = "byggefejl";
      document.body.prepend(banner);
    }
    banner.textContent = errors + "\n\nSiden viser den seneste udgave uden fejl.";
  }

  async function poll() {
    try {
      const response = await fetch(state, { cache: "no-store" });
      const { build, errors } = await response.json();
      if (seen !== null && build !== seen && !errors) {
        location.reload();
        return;
      }
      seen = build;
      show(errors);
    } catch {
      // The server is restarting; try again.
    }
    setTimeout(poll, 250);
  }
  poll();
})();
