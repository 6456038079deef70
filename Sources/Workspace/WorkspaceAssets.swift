/// The workspace's one script and one style sheet, served from this server (no build step).
enum WorkspaceAssets {
    /// Upload, brief picker, run progress (server-sent events), table filters and sorting.
    static let script = #"""
        "use strict";
        document.addEventListener("DOMContentLoaded", () => {
          const upload = document.getElementById("upload");
          if (upload) upload.addEventListener("submit", async (event) => {
            event.preventDefault();
            const input = document.getElementById("upload-file");
            const status = document.getElementById("upload-status");
            if (!input.files.length) { status.textContent = upload.dataset.choose; return; }
            const file = input.files[0];
            // The server refuses a body over the limit too; checked here first so nothing is sent.
            if (file.size > Number(upload.dataset.limit)) { status.textContent = upload.dataset.tooLarge; return; }
            status.textContent = upload.dataset.uploading + " " + file.name + "…";
            let answer;
            try {
              answer = await fetch("/upload?name=" + encodeURIComponent(file.name),
                { method: "POST", body: file, headers: { "X-CSRF-Token": upload.dataset.csrf } });
            } catch (error) { status.textContent = upload.dataset.failed; return; }
            const page = new DOMParser().parseFromString(await answer.text(), "text/html");
            const message = page.querySelector("[role=alert], [role=status]");
            status.textContent = message ? message.textContent : answer.statusText;
            if (answer.ok) location.reload();
          });
          const pick = document.querySelector("[data-open-brief]");
          if (pick) pick.addEventListener("change", () => {
            if (pick.value) location.href = "/brief?file=" + encodeURIComponent(pick.value);
          });
          const progress = document.getElementById("progress");
          if (progress) {
            const source = new EventSource(progress.dataset.events);
            const add = (text, html) => {
              const item = document.createElement("li");
              if (html) item.innerHTML = html; else item.textContent = text;
              progress.appendChild(item);
            };
            source.addEventListener("progress", (e) => add(e.data));
            source.addEventListener("done", (e) => { source.close(); add(progress.dataset.done); location.href = e.data; });
            source.addEventListener("failed", (e) => { source.close(); add(null, e.data); });
          }
          for (const filters of document.querySelectorAll("[data-filters-for]")) {
            const table = document.getElementById(filters.dataset.filtersFor);
            const apply = () => {
              const chosen = [...filters.querySelectorAll("[data-filter]")].filter((s) => s.value);
              for (const row of table.tBodies[0].rows)
                row.hidden = !chosen.every((s) => row.dataset[s.dataset.filter] === s.value);
            };
            for (const select of filters.querySelectorAll("[data-filter]")) select.addEventListener("change", apply);
          }
          for (const table of document.querySelectorAll("table.sortable")) {
            table.querySelectorAll("[data-sort]").forEach((button, column) => {
              button.addEventListener("click", () => {
                const up = button.dataset.order !== "asc";
                button.dataset.order = up ? "asc" : "desc";
                for (const other of table.querySelectorAll("th")) other.removeAttribute("aria-sort");
                button.closest("th").setAttribute("aria-sort", up ? "ascending" : "descending");
                const rows = [...table.tBodies[0].rows];
                const key = (row) => row.cells[column].textContent;
                rows.sort((a, b) => {
                  const x = parseFloat(key(a).replace(/[^0-9.-]/g, "")), y = parseFloat(key(b).replace(/[^0-9.-]/g, ""));
                  const order = !isNaN(x) && !isNaN(y) && /^[0-9.,\s-]+$/.test(key(a)) ? x - y : key(a).localeCompare(key(b));
                  return up ? order : -order;
                });
                for (const row of rows) table.tBodies[0].appendChild(row);
              });
            });
          }
        });
        """#

    /// A plain, readable style; fonts for every script the product renders.
    static let style = """
        body { font-family: "Noto Sans", "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Tamil", sans-serif; margin: 1.5rem; }
        nav a, button { font-size: 1rem; }
        nav .languages { float: right; }
        fieldset { margin: 1rem 0; }
        .field label { display: inline-block; min-width: 22rem; }
        .error { color: #a00; font-weight: bold; }
        .ok { color: #060; }
        table { border-collapse: collapse; margin: 0.5rem 0; }
        th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
        th button { background: none; border: none; font-weight: bold; cursor: pointer; padding: 0; }
        :focus-visible { outline: 3px solid #1a5fb4; }
        figure svg { max-width: 100%; height: auto; }
        pre { white-space: pre-wrap; }
        #festival-days td:nth-child(n+3):nth-child(-n+5) { white-space: nowrap; }
        """
}
