// Runs before the first paint (a blocking script in <head>) so a dark page never flashes light.
// The app's ui/theme.ts takes over from here with the same storage key and rules.
(function () {
  var preference = null;
  try {
    preference = localStorage.getItem("agentmedha.theme");
  } catch (e) {}
  var dark = preference === "dark" || (preference !== "light" && window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
})();
