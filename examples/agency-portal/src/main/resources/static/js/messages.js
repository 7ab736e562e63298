// Live updates of a message thread without reloading: every few seconds, fetch the messages posted after the
// newest one shown (a server-rendered fragment, escaped like the page itself) and append them. Only on the page
// of the newest messages (the list carries data-poll there). Kept in a file: the Content-Security-Policy allows
// no inline script.
(() => {
  const list = document.getElementById('messages');
  if (!list || !list.dataset.poll) {
    return;
  }
  const every = 4000;
  let stopped = false;
  const poll = async () => {
    if (stopped || document.hidden) {
      return;
    }
    const url = list.dataset.poll + (list.dataset.last ? '?after=' + encodeURIComponent(list.dataset.last) : '');
    try {
      const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'text/html'}, redirect: 'error'});
      if (!response.ok) {
        stopped = response.status === 403 || response.status === 404 || response.status === 401;
        return;
      }
      const html = (await response.text()).trim();
      if (html === '') {
        return;
      }
      list.insertAdjacentHTML('beforeend', html);
      const items = list.querySelectorAll('li.message-item');
      if (items.length > 0) {
        list.dataset.last = items[items.length - 1].dataset.message;
      }
      const empty = document.getElementById('no-messages');
      if (empty) {
        empty.remove();
      }
    } catch (e) {
      // Signed out or offline: try again later.
    }
  };
  setInterval(poll, every);
})();
