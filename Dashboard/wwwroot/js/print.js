// Print buttons (data-print) as a script file rather than an inline onclick, which the Content-Security-Policy refuses.
for (const button of document.querySelectorAll("[data-print]")) {
  button.addEventListener("click", () => window.print());
}
