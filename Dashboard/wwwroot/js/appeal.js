// The appeal page's live banner: when someone else changes the appeal, it says so without touching the forms, so
// nothing typed is lost; the user refreshes when ready. The hub admits only users who may open this appeal.
import { connectLive } from "./live.js";

const banner = document.getElementById("appeal-live");
if (banner) {
  const appealId = banner.dataset.appealId;
  const shown = Number(banner.dataset.version);
  // Versions at or below the rendered one are the page's own state (or older pushes): dropped.
  const note = (version) => {
    if (version > shown) banner.hidden = false;
  };
  const live = connectLive(async (connection) => note(await connection.invoke("SubscribeAppeal", appealId)));
  live.connection.on("Appeal", (update) => {
    if (update.appealId === appealId) note(update.version);
  });
  live.start();
}
