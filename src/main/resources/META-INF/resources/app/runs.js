// Progressive enhancement only: while a run is working, fetch its page every few seconds and update the progress
// shown (status, time spent, best result so far) in place; once the run has finished, reload to show its review.
// Without scripts the page offers a refresh link instead.
const progress = document.querySelector('[data-run-solving]');
const SHOWN = ['run-status', 'run-elapsed', 'run-result'];

async function poll() {
  try {
    const answer = await fetch(window.location.pathname, { credentials: 'same-origin' });
    if (!answer.ok) {
      return;
    }
    const page = new DOMParser().parseFromString(await answer.text(), 'text/html');
    if (!page.querySelector('[data-run-solving]')) {
      window.location.reload();
      return;
    }
    for (const id of SHOWN) {
      const now = page.getElementById(id);
      const shown = document.getElementById(id);
      if (now && shown && now.innerHTML !== shown.innerHTML) {
        shown.innerHTML = now.innerHTML;
      }
    }
  } finally {
    setTimeout(poll, 2000);
  }
}

if (progress) {
  setTimeout(poll, 2000);
}
