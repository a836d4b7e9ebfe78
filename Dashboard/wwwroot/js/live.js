// The page's connection to /hubs/live. The hub checks every subscription on the server; this module
// only keeps the connection up, re-subscribes after a reconnect (groups belong to a connection) and
// shows the state in the page's #live-status badge (and tells onState, for a page that shows more).
const retryDelaysMs = [0, 1000, 2000, 5000, 10000];

export function connectLive(subscribe, onState) {
  const status = document.getElementById("live-status");
  const show = (state, css) => {
    onState?.(state);
    if (!status) return;
    status.textContent = status.dataset[state] ?? state;
    status.dataset.state = state;
    // A page with its own look (the wall) styles the badge from data-state instead of Bootstrap classes.
    if (!status.dataset.ownStyle) status.className = `badge ${css}`;
  };

  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/live")
    .withAutomaticReconnect(retryDelaysMs)
    .build();

  connection.onreconnecting(() => show("disconnected", "text-bg-warning"));
  connection.onreconnected(async () => {
    await subscribe(connection);
    show("connected", "text-bg-success");
  });
  connection.onclose(() => {
    show("disconnected", "text-bg-danger");
    setTimeout(start, retryDelaysMs.at(-1));
  });

  async function start() {
    try {
      await connection.start();
      await subscribe(connection);
      show("connected", "text-bg-success");
    } catch (error) {
      console.warn("live connection failed", error);
      show("disconnected", "text-bg-danger");
      setTimeout(start, retryDelaysMs.at(-1));
    }
  }

  return { connection, start };
}
